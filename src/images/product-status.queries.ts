/**
 * A product's aggregate status from its images (DESIGN "Status"), as one SQL expression so the write
 * path and the image consumers compute it the same way: no images = done; any image being worked on
 * = processing; all untouched = pending; all failed = error; otherwise done (per-image errors stay
 * visible on the images).
 */
export const PRODUCT_STATUS_SQL = `(
  SELECT CASE
    WHEN COUNT(*) = 0 THEN 'done'
    WHEN SUM(i.status = 'processing') > 0 THEN 'processing'
    WHEN SUM(i.status = 'pending') = COUNT(*) THEN 'pending'
    WHEN SUM(i.status = 'pending') > 0 THEN 'processing'
    WHEN SUM(i.status = 'error') = COUNT(*) THEN 'error'
    ELSE 'done'
  END
  FROM images AS i WHERE i.tenant_id = products.tenant_id AND i.product_id = products.id
)`;
