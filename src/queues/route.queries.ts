/** The queue routing's SQL (queues/route.ts). */

/** ?1 JSON array of delivery ids (data shard; rows: DeliveryTenantRow). */
export const DELIVERY_TENANTS = 'SELECT id, tenant_id FROM deliveries WHERE id IN (SELECT value FROM json_each(?1))';

export interface DeliveryTenantRow {
  id: string;
  tenant_id: string;
}
