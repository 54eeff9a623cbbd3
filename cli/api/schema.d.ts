// Generated from /openapi.json by `npm run client:generate`: do not edit.
export interface paths {
    "/v1/admin/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant and its first API key (shown once) */
        post: operations["postV1AdminTenants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a tenant */
        get: operations["getV1AdminTenantsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit name, aliases (replaced as a whole), default currency and locale, request quota plan */
        patch: operations["patchV1AdminTenantsById"];
        trace?: never;
    };
    "/v1/admin/tenants/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a tenant's keys (never the keys themselves) */
        get: operations["getV1AdminTenantsByIdKeys"];
        put?: never;
        /** Issue another API key (shown once), optionally limited to scopes and with an expiry */
        post: operations["postV1AdminTenantsByIdKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; it stops working at once */
        delete: operations["deleteV1AdminTenantsByIdKeysByKeyId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages that exhausted their retries, newest first, with why each died */
        get: operations["getV1AdminDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dead-letters/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead message back to its queue, reopening its job; once (a second replay sends nothing) */
        post: operations["postV1AdminDeadLettersByIdReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same figures over every tenant, plus tenants and dead letters */
        get: operations["getV1AdminStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a tenant's data to another shard, online (a short write freeze answers 503 + Retry-After) */
        post: operations["postV1AdminTenantsByIdMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/moves/{moveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a move: its state, watermarks and verification report */
        get: operations["getV1AdminTenantsByIdMovesByMoveId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tenants/{id}/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's moves, newest first */
        get: operations["getV1AdminTenantsByIdMoves"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a signed push (a product with its id, or {"products": [...]})
         * @description The HMAC-SHA256 signature over the raw body (or `{timestamp}.{body}`, or `{id}.{timestamp}.{body}`) is verified in constant time before the body is parsed. Valid pushes are stored, acknowledged with 202 and a job id, and applied through a queue. A replay answers 200 with the original job id and is not applied twice: the same signed event id, the same signed timestamp and body, or (body-only signing) the same body within the dedupe window (600 s), even when sent again on purpose. Prefer a signed timestamp where the sender can.
         */
        post: operations["postV1InboundById"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored bytes (original, or a thumb / medium WebP derivative)
         * @description With an API key: tenant-scoped, `no-cache` + ETag. Without one: the signed form from an image `url` (`v`, `exp`, `sig`), valid until `exp`, `immutable`. `Range` requests get 206.
         */
        get: operations["getV1ImagesByIdContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/processor-callbacks/{tenantId}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pipeline service's late result for a job it accepted (202)
         * @description Signed with the processor's secret, Standard Webhooks headers. Body: `{sha256, status: done|error, error?, ...result}`.
         */
        post: operations["postV1ProcessorCallbacksByTenantIdByName"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or replace up to 1,000 products; valid items commit even when others fail
         * @description Each item has the ProductInput shape plus a required `id`; items are validated one by one and reported in input order. Error paths are JSON Pointers relative to the item.
         */
        post: operations["postV1ProductsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products in a stable order (keyset cursor)
         * @description Without filters, products in `number` order. Each filter is served by its own index in its own order: `updated_since` by (updatedAt, number), `productType` by (productType, number), `q` in search-index order, the others by number. With several filters the most selective one (gtin, itemGroupId, q, brand, productType, updated_since, status, active) walks its index and the others are checked on at most 1000 rows per page: a page may then hold fewer items than `limit` (even none) with a `nextCursor` to continue. A cursor is valid only with the filters it was issued for (400 otherwise: restart the listing).
         */
        get: operations["getV1Products"];
        put?: never;
        /**
         * Create or replace a product (its id in the body), as JSON or multipart with image files
         * @description multipart/form-data: the product JSON in a `data` field, each image file in a part named by its `images[].source.fileKey`. Files are streamed to storage one at a time (<= 10 MB each). `Idempotency-Key` works with JSON bodies; re-sending an upload is naturally idempotent.
         */
        post: operations["postV1Products"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a product */
        get: operations["getV1ProductsById"];
        /**
         * Create or replace a product
         * @description A write that changes nothing keeps the version and emits no event. With `If-Match: "<version>"` the product must exist at that version, with `If-Match: *` it must exist: otherwise 412 and nothing changes.
         */
        put: operations["putV1ProductsById"];
        post?: never;
        /** Delete a product (a product.deleted event is kept) */
        delete: operations["deleteV1ProductsById"];
        options?: never;
        head?: never;
        /**
         * Change a product with a JSON Merge Patch (RFC 7396)
         * @description `null` removes a field; arrays replace. With `If-Match: "<version>"` a stale version answers 412.
         */
        patch: operations["patchV1ProductsById"];
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job: status, counts, timings */
        get: operations["getV1JobsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs, newest first */
        get: operations["getV1Jobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-item errors of a job, in input order */
        get: operations["getV1JobsByIdErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ordered event feed, for polling and delta sync
         * @description Events in `seq` order after `after` (exclusive). Keep `nextCursor` and pass it as `after` next time; an empty page returns `after` unchanged. A cursor older than the retention window answers 410: resync from GET /v1/products.
         */
        get: operations["getV1Events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every event type: what it means, its data schema and an example
         * @description The same list as the document's `webhooks`. Subscribe to them by name or pattern (`product.*`) with POST /v1/webhooks.
         */
        get: operations["getV1EventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Endpoints, newest first */
        get: operations["getV1Webhooks"];
        put?: never;
        /**
         * Subscribe an endpoint (the signing secret is shown once)
         * @description Deliveries are Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` headers, body `{type, timestamp, data}`. HTTPS only outside local development; the outbound guard applies. The answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.
         */
        post: operations["postV1Webhooks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint */
        get: operations["getV1WebhooksById"];
        put?: never;
        post?: never;
        /** Unsubscribe; pending deliveries end failed */
        delete: operations["deleteV1WebhooksById"];
        options?: never;
        head?: never;
        /** Change URL, filters, headers (replaced whole), format, enabled */
        patch: operations["patchV1WebhooksById"];
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New signing secret; the old one keeps signing beside it for 24 h
         * @description The answer shows the new secret once (`Cache-Control: no-store`); the previous secret is cleared when its overlap ends.
         */
        post: operations["postV1WebhooksByIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event to this endpoint only, through the normal delivery path */
        post: operations["postV1WebhooksByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries to this endpoint, newest first, each with every attempt */
        get: operations["getV1WebhooksByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resend every failed delivery of this endpoint since a time */
        post: operations["postV1WebhooksByIdRecover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attempt one delivery again */
        post: operations["postV1DeliveriesByIdRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound sources */
        get: operations["getV1InboundSources"];
        put?: never;
        /**
         * Register an ERP that pushes signed product updates
         * @description A generated secret is shown once. Such an answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.
         */
        post: operations["postV1InboundSources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An inbound source (never its secret) */
        get: operations["getV1InboundSourcesById"];
        put?: never;
        post?: never;
        /** Stop accepting pushes from this source */
        delete: operations["deleteV1InboundSourcesById"];
        options?: never;
        head?: never;
        /** Change how signatures are read */
        patch: operations["patchV1InboundSourcesById"];
        trace?: never;
    };
    "/v1/inbound-sources/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New generated secret; pushes signed with the old one are still accepted for 24 h
         * @description The answer shows the new secret once (`Cache-Control: no-store`). A source whose secret comes from `secretEnv` answers 409: rotate that Worker secret instead.
         */
        post: operations["postV1InboundSourcesByIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's images with their processing status */
        get: operations["getV1ProductsByIdImages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image: status, error, probe data, results */
        get: operations["getV1ImagesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images/{id}/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Images within Hamming distance 6 (dhash) of this one */
        get: operations["getV1ImagesByIdSimilar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/processors/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Configure the external service that runs a pipeline (tryOn, localization, ...)
         * @description Jobs are POSTed signed with the Standard Webhooks scheme and this processor's secret (shown once, on creation). The creation answer is `Cache-Control: no-store` and is not kept for `Idempotency-Key` replay: the same key again answers 409 `secret_already_shown` and writes nothing.
         */
        put: operations["putV1ProcessorsByName"];
        post?: never;
        /** Remove a pipeline service */
        delete: operations["deleteV1ProcessorsByName"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/processors/{name}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New signing secret; the old one keeps signing jobs and verifying callbacks beside it for 24 h
         * @description The answer shows the new secret once (`Cache-Control: no-store`).
         */
        post: operations["postV1ProcessorsByNameRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/processors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured pipeline services */
        get: operations["getV1Processors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a feed file: JSONL, CSV, TSV or Google Merchant XML (gzip allowed), up to 100 MB
         * @description The body is streamed to storage and answered at once with 202 and a job; a queue then reads it in chunks. `Content-Type` names the format (application/x-ndjson, text/csv, text/tab-separated-values, application/xml); `Content-Encoding: gzip` is decompressed on the way in. `?mode=replace` makes it a full sync: once the job ends `completed`, products the file does not mention are deleted (one replace import per tenant at a time). Per-row errors with line numbers: GET /v1/jobs/{id}/errors.
         */
        post: operations["postV1Imports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's progress: rows done and failed, throughput */
        get: operations["getV1ImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's products, images, jobs, queue lag and delivery health
         * @description Counts by status; job durations and delivery attempts over the last 24 hours (percentiles of the newest samples, `count` says how many); per queue, the pending rows D1 holds and how long the oldest due one has waited (`lagSeconds`).
         */
        get: operations["getV1Stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/similar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Similar products (never variants of the same itemGroupId) */
        get: operations["getV1ProductsByIdSimilar"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/complementary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products that complete the look (compatible productType branches) */
        get: operations["getV1ProductsByIdComplementary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Other products of the same itemGroupId (the family excluded from similar) */
        get: operations["getV1ProductsByIdVariants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendation-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's complement map (the default fashion map until replaced) */
        get: operations["getV1RecommendationRules"];
        /** Replace the complement map; starts a rebuild job (Job-Id) that re-signs and re-ranks the catalog */
        put: operations["putV1RecommendationRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/recommendations/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rebuild every product's signature and lists: a resumable job, progress in GET /v1/jobs/{id} */
        post: operations["postV1RecommendationsRebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "product.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.created
         * @description A product was written for the first time (version 1). Sent to endpoints subscribed to `product.created`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.created",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductCreatedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.updated
         * @description A write changed a product (a write that changes nothing emits no event), or a rename. Sent to endpoints subscribed to `product.updated`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.updated",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 2
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductUpdatedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.deleted
         * @description A product was deleted by a request, expired (validForDays), or left out of a replace import. Sent to endpoints subscribed to `product.deleted`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.deleted",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 2,
                     *         "reason": "deleted"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductDeletedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.processed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.processed
         * @description A write's image work settled: once per processing round. Sent to endpoints subscribed to `product.processed`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.processed",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 2,
                     *         "status": "done",
                     *         "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "failedImages": 0,
                     *         "firstError": null,
                     *         "recommend": "none"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductProcessedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.recommendations.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.recommendations.updated
         * @description A product's stored similar and/or complementary list changed (sent only when the list's products or order changed). Sent to endpoints subscribed to `product.recommendations.updated`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.recommendations.updated",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 2,
                     *         "lists": [
                     *           "similar"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductRecommendationsUpdatedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.recommendations.ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.recommendations.ready
         * @description Follows a `product.processed` whose product asked for recommendation lists, once they are computed (or failed): what Sizebay's callback waits for. A subscription to `product.processed` receives it too. Sent to endpoints subscribed to `product.recommendations.ready`, `product.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "product.recommendations.ready",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "number": 1,
                     *         "version": 2,
                     *         "status": "done",
                     *         "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "failedImages": 0,
                     *         "firstError": null,
                     *         "recommend": "all",
                     *         "recommendations": "done"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ProductRecommendationsReadyEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "image.processed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * image.processed
         * @description An image was fetched or received, probed, stored and processed by every pipeline it asked for. Sent to endpoints subscribed to `image.processed`, `image.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "image.processed",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "imageId": "front",
                     *         "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "status": "done",
                     *         "url": "https://api.shelfsync.example/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content?v=9f86&exp=1797120000&sig=x",
                     *         "outputs": {
                     *           "tryOn": "https://tryon.example/out/1.png"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ImageProcessedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "image.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * image.failed
         * @description An image ended `error`: unreachable, not an image, over a limit, or a pipeline failed. Sent to endpoints subscribed to `image.failed`, `image.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "image.failed",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "productId": "380145e972ee",
                     *         "imageId": "front",
                     *         "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "status": "error",
                     *         "error": "The image is 12582912 bytes; the limit is 10485760"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ImageFailedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "job.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * job.completed
         * @description A job (a write, batch, import or push) ended, with its final status. Sent to endpoints subscribed to `job.completed`, `job.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "job.completed",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "status": "completed"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["JobCompletedEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * endpoint.disabled
         * @description A webhook endpoint was disabled: it answered 410, or failed for five days. Sent to endpoints subscribed to `endpoint.disabled`, `endpoint.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "endpoint.disabled",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "url": "https://receiver.example/webhooks",
                     *         "reason": "The endpoint answered 410 Gone"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["EndpointDisabledEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test
         * @description Sent by POST /v1/webhooks/{id}/test to that endpoint only. Sent to endpoints subscribed to `webhook.test`, `webhook.*` or `*` (format `standard`); answer 2xx within 15 s, or it is retried.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event id; the same on every retry */
                    "webhook-id": string;
                    /** @description Unix seconds of this attempt */
                    "webhook-timestamp": string;
                    /** @description `v1,<base64 HMAC-SHA256 of {id}.{timestamp}.{body}>`, space-separated while two secrets are valid */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "type": "webhook.test",
                     *       "timestamp": "2024-06-10T12:00:00.000Z",
                     *       "data": {
                     *         "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "message": "A test event from Shelfsync"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookTestEvent"];
                };
            };
            responses: {
                /** @description Received (any 2xx) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Gone: the endpoint is disabled, no more deliveries */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        ProductCreatedEvent: {
            /** @enum {string} */
            type: "product.created";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
            };
        };
        ProductUpdatedEvent: {
            /** @enum {string} */
            type: "product.updated";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
            };
        };
        ProductDeletedEvent: {
            /** @enum {string} */
            type: "product.deleted";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
                /** @enum {string} */
                reason: "deleted" | "expired" | "replaced";
                /** @description The replace import, for `replaced` */
                jobId?: string;
            };
        };
        ProductProcessedEvent: {
            /** @enum {string} */
            type: "product.processed";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
                /**
                 * @description `error` only when every image failed
                 * @enum {string}
                 */
                status: "done" | "error";
                jobId: string;
                /** Format: int64 */
                failedImages: number;
                firstError: string | null;
                /** @enum {string} */
                recommend?: "similar" | "complementary" | "all" | "none";
            };
        };
        ProductRecommendationsUpdatedEvent: {
            /** @enum {string} */
            type: "product.recommendations.updated";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
                /** @description The lists that changed */
                lists: ("similar" | "complementary")[];
            };
        };
        ProductRecommendationsReadyEvent: {
            /** @enum {string} */
            type: "product.recommendations.ready";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * Format: int64
                 * @description The server number of the product (per tenant, never reused)
                 * @example 1
                 */
                number: number;
                /**
                 * Format: int64
                 * @example 2
                 */
                version: number;
                /**
                 * @description The images' outcome, as in `product.processed`
                 * @enum {string}
                 */
                status: "done" | "error";
                jobId: string;
                /** Format: int64 */
                failedImages: number;
                firstError: string | null;
                /** @enum {string} */
                recommend: "similar" | "complementary" | "all" | "none";
                /** @enum {string} */
                recommendations: "done" | "error";
                /** @description Why the lists could not be computed, when `recommendations` is `error` */
                recommendationsError?: string;
            };
        };
        ImageProcessedEvent: {
            /** @enum {string} */
            type: "image.processed";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * @description The caller's image id (unique within the product)
                 * @example front
                 */
                imageId: string;
                /**
                 * @description The server image id
                 * @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7E
                 */
                id: string;
                /** @enum {string} */
                status: "done";
                /** @description A signed, expiring URL of the stored original */
                url?: string | null;
                /** @description Each external pipeline's output URL, by pipeline */
                outputs?: {
                    [key: string]: string;
                };
            };
        };
        ImageFailedEvent: {
            /** @enum {string} */
            type: "image.failed";
            /** Format: date-time */
            timestamp: string;
            data: {
                /**
                 * @description The caller's product id
                 * @example 380145e972ee
                 */
                productId: string;
                /**
                 * @description The caller's image id (unique within the product)
                 * @example front
                 */
                imageId: string;
                /**
                 * @description The server image id
                 * @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7E
                 */
                id: string;
                /** @enum {string} */
                status: "error";
                error: string;
            };
        };
        JobCompletedEvent: {
            /** @enum {string} */
            type: "job.completed";
            /** Format: date-time */
            timestamp: string;
            data: {
                jobId: string;
                /** @enum {string} */
                status: "completed" | "failed" | "partial";
            };
        };
        EndpointDisabledEvent: {
            /** @enum {string} */
            type: "endpoint.disabled";
            /** Format: date-time */
            timestamp: string;
            data: {
                endpointId: string;
                url: string;
                reason: string;
            };
        };
        WebhookTestEvent: {
            /** @enum {string} */
            type: "webhook.test";
            /** Format: date-time */
            timestamp: string;
            data: {
                endpointId: string;
                message: string;
            };
        };
        CreatedTenant: {
            tenant: components["schemas"]["Tenant"];
            apiKey: components["schemas"]["IssuedApiKey"];
        };
        Tenant: {
            /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            name: string;
            aliases: string[];
            defaultCurrency: string;
            defaultLocale: string;
            /**
             * @description Request quota plan: `standard` (600 requests a minute per key) or `high` (6000); each is its own rate-limit binding
             * @example high
             * @enum {string}
             */
            plan: "standard" | "high";
            createdAt: string;
            updatedAt: string;
            /**
             * @description Recommendation lists computed for products that do not choose (`recommend`); default `none`
             * @enum {string}
             */
            recommend: "similar" | "complementary" | "all" | "none";
            /**
             * Format: int64
             * @description The data shard (`DB_SHARD_n`) holding the tenant's catalog
             * @example 0
             */
            shard: number;
            /**
             * Format: int64
             * @description Bumped by every move of the tenant to another shard
             * @example 1
             */
            epoch: number;
            /**
             * @description `frozen`: a move is copying its last writes; writes answer 503 `tenant_moving` for a few seconds
             * @example active
             * @enum {string}
             */
            placementState: "active" | "frozen";
        };
        IssuedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The secret key. Shown once: only its hash is stored. */
            key: string;
        };
        ApiKey: {
            id: string;
            name: string;
            /** @description The first characters of the key, to tell keys apart */
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
            /**
             * @description `["*"]`: every scope
             * @example [
             *       "products:read",
             *       "jobs:read"
             *     ]
             */
            scopes: string[];
            /**
             * @description After this instant the key is refused like a revoked one
             * @example 2027-01-31T00:00:00.000Z
             */
            expiresAt: string | null;
        };
        Problem: {
            /** @example urn:shelfsync:problem:validation_failed */
            type: string;
            title: string;
            /** Format: int64 */
            status: number;
            detail: string;
            /** @enum {string} */
            code: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "gone" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "idempotency_key_reused" | "idempotency_in_progress" | "rate_limited" | "internal_error" | "service_unavailable" | "secret_already_shown" | "tenant_moving";
            requestId: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        CreateTenant: {
            name: string;
            /** @default [] */
            aliases: string[];
            /** @example USD */
            defaultCurrency: string;
            /** @example en-US */
            defaultLocale: string;
            /**
             * @description Request quota plan: `standard` (600 requests a minute per key) or `high` (6000); each is its own rate-limit binding
             * @default standard
             * @example high
             * @enum {string}
             */
            plan: "standard" | "high";
        };
        UpdateTenant: {
            name?: string;
            aliases?: string[];
            /** @example USD */
            defaultCurrency?: string;
            /** @example en-US */
            defaultLocale?: string;
            /**
             * @description Request quota plan: `standard` (600 requests a minute per key) or `high` (6000); each is its own rate-limit binding
             * @example high
             * @enum {string}
             */
            plan?: "standard" | "high";
            /**
             * @description Recommendation lists computed for products that do not choose (`recommend`); default `none`
             * @enum {string}
             */
            recommend?: "similar" | "complementary" | "all" | "none";
        };
        IssueApiKey: {
            /** @example catalog reader */
            name?: string;
            /**
             * @description What the key may do; `*` (the default) is every scope. A dialect scope alone opens that dialect's routes.
             * @example [
             *       "products:read",
             *       "products:write",
             *       "jobs:read"
             *     ]
             */
            scopes?: ("*" | "products:read" | "products:write" | "images:read" | "processors:manage" | "imports:read" | "imports:write" | "jobs:read" | "events:read" | "webhooks:manage" | "inbound:manage" | "stats:read" | "dialect:genera" | "dialect:sizebay" | "dialect:gesmart" | "dialect:tryon" | "dialect:robosize")[];
            /**
             * Format: date-time
             * @description Optional expiry, in the future
             * @example 2027-01-31T00:00:00Z
             */
            expiresAt?: string;
        };
        DeadLetterList: {
            data: components["schemas"]["DeadLetter"][];
            /** @example null */
            nextCursor: string | null;
        };
        DeadLetter: {
            /** @example dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            /**
             * @description The queue the message came from
             * @example shelfsync-imports
             */
            queue: string;
            /**
             * @description Why it died: the last error its consumer reported (null on records from before reasons were kept)
             * @example SyntaxError: Unexpected token 'o', "not json" is not valid JSON
             */
            reason: string | null;
            /**
             * Format: int64
             * @example 10
             */
            attempts: number;
            /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            tenantId: string | null;
            /**
             * @description The job the work belongs to, if any
             * @example job_01JD7Z8Q6V7N9K3M2X4B5C6D7F
             */
            jobId: string | null;
            /**
             * @description The message as it was sent
             * @example {
             *       "kind": "import",
             *       "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
             *       "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7F"
             *     }
             */
            body?: unknown;
            /** @example 2026-12-05T15:40:00.000Z */
            createdAt: string;
            /**
             * @description When it was replayed (once)
             * @example null
             */
            replayedAt: string | null;
        };
        DeadLetterReplay: {
            /**
             * @description false: it had been replayed already, and nothing was sent again
             * @example true
             */
            replayed: boolean;
            deadLetter: components["schemas"]["DeadLetter"];
        };
        /**
         * @example {
         *       "scope": "tenant",
         *       "generatedAt": "2026-12-05T15:40:00.000Z",
         *       "windowHours": 24,
         *       "products": {
         *         "total": 10000,
         *         "byStatus": {
         *           "pending": 0,
         *           "processing": 12,
         *           "done": 9978,
         *           "error": 10
         *         }
         *       },
         *       "images": {
         *         "total": 18234,
         *         "byStatus": {
         *           "pending": 3,
         *           "processing": 9,
         *           "done": 18200,
         *           "error": 22
         *         }
         *       },
         *       "jobs": {
         *         "byStatus": {
         *           "pending": 0,
         *           "processing": 1,
         *           "completed": 412,
         *           "failed": 2,
         *           "partial": 5
         *         },
         *         "durationMs": {
         *           "count": 419,
         *           "p50": 840,
         *           "p95": 6120,
         *           "p99": 15300,
         *           "max": 48211
         *         }
         *       },
         *       "queues": [
         *         {
         *           "queue": "ingest",
         *           "pending": 12,
         *           "due": 4,
         *           "oldestDueAt": "2026-12-05T15:39:51.000Z",
         *           "lagSeconds": 9
         *         },
         *         {
         *           "queue": "deliveries",
         *           "pending": 3,
         *           "due": 0,
         *           "oldestDueAt": null,
         *           "lagSeconds": 0
         *         },
         *         {
         *           "queue": "imports",
         *           "pending": 1,
         *           "due": 1,
         *           "oldestDueAt": "2026-12-05T15:39:58.000Z",
         *           "lagSeconds": 2
         *         },
         *         {
         *           "queue": "inbound",
         *           "pending": 0,
         *           "due": 0,
         *           "oldestDueAt": null,
         *           "lagSeconds": 0
         *         },
         *         {
         *           "queue": "events",
         *           "pending": 0,
         *           "due": 0,
         *           "oldestDueAt": null,
         *           "lagSeconds": 0
         *         }
         *       ],
         *       "deliveries": {
         *         "attempts": 1290,
         *         "succeeded": 1281,
         *         "successRate": 0.993,
         *         "latencyMs": {
         *           "count": 1290,
         *           "p50": 48,
         *           "p95": 210,
         *           "p99": 900,
         *           "max": 15000
         *         },
         *         "endpoints": [
         *           {
         *             "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
         *             "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
         *             "url": "https://erp.example/hooks/shelfsync",
         *             "enabled": true,
         *             "disabledReason": null,
         *             "attempts": 1290,
         *             "succeeded": 1281,
         *             "successRate": 0.993,
         *             "latencyMs": {
         *               "count": 1290,
         *               "p50": 48,
         *               "p95": 210,
         *               "p99": 900,
         *               "max": 15000
         *             }
         *           }
         *         ]
         *       }
         *     }
         */
        Stats: {
            /** @enum {string} */
            scope: "tenant" | "all";
            generatedAt: string;
            /**
             * Format: int64
             * @description Job durations and delivery figures cover this many hours back
             */
            windowHours: number;
            products: {
                /** Format: int64 */
                total: number;
                byStatus: {
                    [key: string]: number;
                };
            };
            images: {
                /** Format: int64 */
                total: number;
                byStatus: {
                    [key: string]: number;
                };
            };
            jobs: {
                byStatus: {
                    [key: string]: number;
                };
                durationMs: components["schemas"]["Percentiles"];
            };
            queues: components["schemas"]["QueueLag"][];
            deliveries: {
                /** Format: int64 */
                attempts: number;
                /** Format: int64 */
                succeeded: number;
                successRate: number | null;
                latencyMs: components["schemas"]["Percentiles"];
                endpoints: components["schemas"]["EndpointStats"][];
            };
            /**
             * Format: int64
             * @description Admin view only
             */
            tenants?: number;
            /**
             * Format: int64
             * @description Admin view only: messages a queue gave up on
             */
            deadLetters?: number;
        };
        Percentiles: {
            /**
             * Format: int64
             * @description Samples the figures come from
             */
            count: number;
            /** Format: int64 */
            p50: number | null;
            /** Format: int64 */
            p95: number | null;
            /** Format: int64 */
            p99: number | null;
            /** Format: int64 */
            max: number | null;
        };
        QueueLag: {
            /** @enum {string} */
            queue: "ingest" | "deliveries" | "imports" | "inbound" | "events";
            /**
             * Format: int64
             * @description Rows of pending work D1 holds for this queue
             */
            pending: number;
            /**
             * Format: int64
             * @description Of those, the ones whose time has come (the rest wait for a retry)
             */
            due: number;
            oldestDueAt: string | null;
            /**
             * Format: int64
             * @description How long the oldest due row has waited past its time (0 when none)
             */
            lagSeconds: number;
        };
        EndpointStats: {
            id: string;
            tenantId: string;
            url: string;
            enabled: boolean;
            disabledReason: string | null;
            /** Format: int64 */
            attempts: number;
            /** Format: int64 */
            succeeded: number;
            /** @description Share of 2xx attempts in the window, 0..1; null without attempts */
            successRate: number | null;
            latencyMs: components["schemas"]["Percentiles"];
        };
        ShardMove: {
            /** @example mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            tenantId: string;
            /** Format: int64 */
            fromShard: number;
            /** Format: int64 */
            toShard: number;
            /**
             * @description `copying` (writes go on) -> `freezing` (writes answer 503 `tenant_moving` while the tail is copied) -> `verifying` -> `cleaning` (the tenant lives on `toShard`; the old copy is deleted) -> `done`. A failed verification thaws the tenant where it was: `aborting` (the new copy is deleted) -> `failed`.
             * @enum {string}
             */
            state: "copying" | "freezing" | "verifying" | "cleaning" | "aborting" | "done" | "failed";
            /**
             * Format: int64
             * @description The placement epoch the tenant gets when the move flips it
             */
            epoch: number;
            /** @description Where each phase stands, per table (the last key handled in keyset order) */
            watermarks: {
                [key: string]: unknown;
            };
            /** @description Per table row counts and content hashes on both shards, once verified */
            report: {
                tables: {
                    [key: string]: {
                        /** Format: int64 */
                        fromRows: number;
                        /** Format: int64 */
                        toRows: number;
                        fromHash: string;
                        toHash: string;
                        equal: boolean;
                    };
                };
                /**
                 * Format: int64
                 * @description How long writes were frozen (the tail and the verification)
                 */
                freezeMs?: number;
                /** Format: int64 */
                copiedRows?: number;
                /** Format: int64 */
                tailRecopiedRows?: number;
                /** Format: int64 */
                tailDeletedRows?: number;
                /** Format: int64 */
                cleanedRows?: number;
            } | null;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            completedAt: string | null;
        };
        StartMove: {
            /**
             * Format: int64
             * @description The bound data shard (`DB_SHARD_n`) to move the tenant to
             * @example 1
             */
            shard: number;
        };
        InboundAck: {
            jobId: string;
            status: string;
            /** @description True when this push was already accepted (see the source's signedPayload for what counts as the same push) */
            duplicate: boolean;
        };
        ProcessorCallback: {
            sha256: string;
            /** @enum {string} */
            status: "done" | "error";
            error?: string;
        } & {
            [key: string]: unknown;
        };
        Job: {
            /** @example job_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            /** @example products.batch */
            kind: string;
            /** @enum {string} */
            status: "pending" | "processing" | "completed" | "failed" | "partial";
            counts: {
                /** Format: int64 */
                total: number;
                /** Format: int64 */
                succeeded: number;
                /** Format: int64 */
                failed: number;
                /** Format: int64 */
                created: number;
                /** Format: int64 */
                updated: number;
                /** Format: int64 */
                unchanged: number;
                /** Format: int64 */
                deleted: number;
            };
            createdAt: string;
            startedAt: string | null;
            completedAt: string | null;
            /** Format: int64 */
            durationMs: number | null;
        };
        BatchItemResult: {
            /** Format: int64 */
            index: number;
            id: string | null;
            ok: boolean;
            /** @enum {string} */
            status: "created" | "updated" | "unchanged" | "failed";
            /** Format: int64 */
            number?: number;
            /** Format: int64 */
            version?: number;
            error?: {
                code: string;
                errors: {
                    path: string;
                    message: string;
                }[];
            };
        };
        Product: {
            id: string;
            /** Format: int64 */
            number: number;
            /** Format: int64 */
            version: number;
            /** @enum {string} */
            status: "pending" | "processing" | "done" | "error";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            itemGroupId?: string;
            title?: string;
            description?: string;
            brand?: string;
            productType?: string;
            categories?: string[];
            tags?: string[];
            /** @enum {string} */
            gender?: "male" | "female" | "unisex";
            /** @enum {string} */
            ageGroup?: "newborn" | "infant" | "toddler" | "kids" | "adult";
            color?: string;
            sizes?: string[];
            sizeSystem?: string;
            gtin?: string;
            active?: boolean;
            /** Format: int64 */
            quantity?: number;
            weight?: number;
            localizations?: {
                [key: string]: {
                    title?: string;
                    description?: string;
                    /** Format: uri */
                    link?: string;
                    /** @enum {string} */
                    availability?: "in stock" | "out of stock" | "preorder" | "backorder";
                };
            };
            prices?: {
                [key: string]: {
                    /**
                     * @description Decimal text with at least the currency's exponent, no trailing zeros beyond it
                     * @example 25.00
                     */
                    amount: string;
                    /**
                     * @description The amount in integer micros (1/1,000,000 of the unit), as text
                     * @example 25000000
                     */
                    amountMicros: string;
                    sale?: {
                        /**
                         * @description Decimal text with at least the currency's exponent, no trailing zeros beyond it
                         * @example 25.00
                         */
                        amount: string;
                        /**
                         * @description The amount in integer micros (1/1,000,000 of the unit), as text
                         * @example 25000000
                         */
                        amountMicros: string;
                        start?: string;
                        end?: string;
                    };
                };
            };
            attributes?: {
                group?: string;
                name: string;
                value: string;
                unit?: string;
                /** Format: int64 */
                order?: number;
            }[];
            images: components["schemas"]["Image"][];
            metadata?: {
                [key: string]: unknown;
            };
            /** Format: int64 */
            validForDays?: number | null;
            /** @enum {string} */
            recommend?: "similar" | "complementary" | "all" | "none";
            /** @description Vendor fields written through dialects; read-only here */
            extensions?: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        };
        Image: {
            /** @description The caller's image id */
            id: string;
            /** @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            imageId: string;
            source: {
                [key: string]: unknown;
            };
            pipelines: {
                [key: string]: boolean;
            };
            classifications: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: "pending" | "processing" | "done" | "error";
            error: string | null;
            sha256: string | null;
            /** Format: int64 */
            width: number | null;
            /** Format: int64 */
            height: number | null;
            url: string | null;
        };
        ProductInput: {
            /** @example 380145e972ee */
            id?: string;
            itemGroupId?: string;
            title?: string;
            description?: string;
            brand?: string;
            /** @example KIDS > MALE > BOTTOMS */
            productType?: string;
            categories?: string[];
            tags?: string[];
            /** @enum {string} */
            gender?: "male" | "female" | "unisex";
            /** @enum {string} */
            ageGroup?: "newborn" | "infant" | "toddler" | "kids" | "adult";
            color?: string;
            sizes?: string[];
            sizeSystem?: string;
            /**
             * @description GTIN-8, -12, -13 or -14; the GS1 check digit is verified
             * @example 00012345678905
             */
            gtin?: string;
            active?: boolean;
            /** Format: int64 */
            quantity?: number;
            /** @description Kilograms */
            weight?: number;
            /**
             * @example {
             *       "en-US": {
             *         "title": "Classic White T-Shirt",
             *         "availability": "in stock"
             *       },
             *       "pt-BR": {
             *         "title": "Camiseta Branca"
             *       }
             *     }
             */
            localizations?: {
                [key: string]: {
                    title?: string;
                    description?: string;
                    /** Format: uri */
                    link?: string;
                    /** @enum {string} */
                    availability?: "in stock" | "out of stock" | "preorder" | "backorder";
                };
            };
            /**
             * @example {
             *       "USD": {
             *         "amount": "25.00",
             *         "sale": {
             *           "amount": "19.99",
             *           "start": "2024-06-10T00:00:00Z",
             *           "end": "2024-06-20T23:59:59Z"
             *         }
             *       },
             *       "JPY": {
             *         "amount": "3900"
             *       }
             *     }
             */
            prices?: {
                [key: string]: {
                    /**
                     * @description Decimal string or number, read exactly (a number through its source text); at most 6 fraction digits and 9007199254.740991, never rounded
                     * @example 25.00
                     */
                    amount: string | number;
                    sale?: {
                        /**
                         * @description Decimal string or number, read exactly (a number through its source text); at most 6 fraction digits and 9007199254.740991, never rounded
                         * @example 25.00
                         */
                        amount: string | number;
                        /**
                         * Format: date-time
                         * @example 2024-06-10T00:00:00Z
                         */
                        start?: string;
                        /**
                         * Format: date-time
                         * @example 2024-06-10T00:00:00Z
                         */
                        end?: string;
                    };
                };
            };
            attributes?: {
                group?: string;
                name: string;
                value: string;
                unit?: string;
                /** Format: int64 */
                order?: number;
            }[];
            images?: components["schemas"]["ImageInput"][];
            /** @description Free JSON, at most 16 KB */
            metadata?: {
                [key: string]: unknown;
            };
            /**
             * Format: int64
             * @description TTL in days; null = kept forever
             */
            validForDays?: number | null;
            /**
             * @description Which recommendation lists are computed for this product; absent = the tenant's default (`none` unless an admin changed it)
             * @enum {string}
             */
            recommend?: "similar" | "complementary" | "all" | "none";
        };
        ImageInput: {
            id?: string;
            source: components["schemas"]["ImageSource"];
            /**
             * @example {
             *       "tryOn": true
             *     }
             */
            pipelines?: {
                [key: string]: boolean;
            };
            /** @description Free JSON, at most 16 KB */
            classifications?: {
                [key: string]: unknown;
            };
        };
        ImageSource: {
            /** Format: uri */
            url?: string;
            fileKey?: string;
            base64?: string;
            fileName?: string;
            sha256?: string;
        };
        JobError: {
            /**
             * Format: int64
             * @description Position of the item in the request (or record in the file)
             */
            index: number;
            itemId: string | null;
            /**
             * Format: int64
             * @description For imports: the line where the record starts
             */
            line: number | null;
            code: string;
            errors: {
                path: string;
                message: string;
            }[];
        };
        Event: {
            /** @example evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            /**
             * Format: int64
             * @description Monotonic per tenant; pass the last one seen as `after`
             */
            seq: number;
            /** @example product.updated */
            type: string;
            timestamp: string;
            /**
             * @example {
             *       "productId": "380145e972ee",
             *       "number": 1,
             *       "version": 2
             *     }
             */
            data: {
                [key: string]: unknown;
            };
        };
        EventType: {
            /** @example product.processed */
            name: string;
            description: string;
            /** @description JSON Schema (2020-12) of the event's `data` */
            schema: {
                [key: string]: unknown;
            };
            /** @description An example `data` */
            example: {
                [key: string]: unknown;
            };
        };
        WebhookWithSecret: components["schemas"]["Webhook"] & {
            /** @description whsec_...: shown once. Verify deliveries with any Standard Webhooks library. */
            secret: string;
        };
        Webhook: {
            /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            url: string;
            eventTypes: string[];
            /** @description Names of the static headers; their values are never returned */
            headerNames: string[];
            enabled: boolean;
            disabledReason: string | null;
            format: string;
            failingSince: string | null;
            createdAt: string;
            updatedAt: string;
            /**
             * @description A temporary endpoint expires (and is deleted) then; null: permanent
             * @example null
             */
            expiresAt: string | null;
        };
        CreateWebhook: {
            /**
             * Format: uri
             * @description https (http too in local development); public hosts only
             * @example https://receiver.example/webhooks
             */
            url: string;
            /**
             * @default [
             *       "*"
             *     ]
             * @example [
             *       "product.*",
             *       "image.failed"
             *     ]
             */
            eventTypes: string[];
            /**
             * @description Sent with every delivery (e.g. Authorization). Write-only: never returned.
             * @default {}
             * @example {
             *       "Authorization": "Bearer receiver-token"
             *     }
             */
            headers: {
                [key: string]: string;
            };
            /** @default true */
            enabled: boolean;
            /**
             * @description Payload shape: standard (Standard Webhooks envelope) or a dialect's (genera, sizebay)
             * @default standard
             * @enum {string}
             */
            format: "standard" | "genera" | "sizebay";
            /**
             * Format: date-time
             * @description A temporary endpoint: from this instant (in the future, at most 7 days ahead) it gets no deliveries and is deleted with its pending ones
             * @example 2026-12-05T18:00:00Z
             */
            expiresAt?: string;
        };
        UpdateWebhook: {
            /** Format: uri */
            url?: string;
            /**
             * @example [
             *       "product.*",
             *       "image.failed"
             *     ]
             */
            eventTypes?: string[];
            /**
             * @description Sent with every delivery (e.g. Authorization). Write-only: never returned.
             * @example {
             *       "Authorization": "Bearer receiver-token"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            enabled?: boolean;
            /** @enum {string} */
            format?: "standard" | "genera" | "sizebay";
        };
        Delivery: {
            /** @example dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            /** @enum {string} */
            status: "pending" | "delivering" | "retrying" | "succeeded" | "failed";
            /** Format: int64 */
            attemptCount: number;
            nextAttemptAt: string | null;
            createdAt: string;
            attempts: components["schemas"]["DeliveryAttempt"][];
        };
        DeliveryAttempt: {
            attemptedAt: string;
            /** Format: int64 */
            statusCode: number | null;
            /** Format: int64 */
            latencyMs: number;
            /** @description The first 1 KB of the answer */
            responseBody: string | null;
            error: string | null;
        };
        InboundSourceWithSecret: components["schemas"]["InboundSource"] & {
            /** @description The generated secret, shown once (null when you supplied one) */
            secret: string | null;
        };
        InboundSource: {
            /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
            id: string;
            name: string;
            /** @description Where the ERP posts: /v1/inbound/{id} */
            url: string;
            secretEnv: string | null;
            secretEncoding: string;
            signatureHeader: string;
            signatureEncoding: string;
            signaturePrefix: string;
            signedPayload: string;
            timestampHeader: string | null;
            /** Format: int64 */
            toleranceSeconds: number;
            eventIdHeader: string | null;
            format: string;
            createdAt: string;
            updatedAt: string;
        };
        CreateInboundSource: {
            name: string;
            /** @description Omit to have one generated (shown once) */
            secret?: string;
            /**
             * @description Take the secret from this Worker secret instead (e.g. GESMART_WEBHOOK_SECRET)
             * @example GESMART_WEBHOOK_SECRET
             */
            secretEnv?: string;
            /**
             * @description utf8: the string itself is the HMAC key (as `openssl dgst -hmac` uses it); base64: its decoded bytes are
             * @default utf8
             * @enum {string}
             */
            secretEncoding: "utf8" | "base64";
            /**
             * @default x-signature
             * @example x-gesmart-signature
             */
            signatureHeader: string;
            /**
             * @default base64
             * @enum {string}
             */
            signatureEncoding: "base64" | "hex";
            /**
             * @description Stripped before decoding, e.g. "sha256="
             * @default
             */
            signaturePrefix: string;
            /**
             * @description What the HMAC covers. `{body}`: the raw body; identical bodies within the dedupe window (600 s) are one push, even when sent again on purpose. `{timestamp}.{body}`: preferred; replays are refused by time and deduped on timestamp + body. `{id}.{timestamp}.{body}` (Standard Webhooks): the signed event id decides what is a replay.
             * @default {body}
             * @enum {string}
             */
            signedPayload: "{body}" | "{timestamp}.{body}" | "{id}.{timestamp}.{body}";
            /**
             * @description Required when the timestamp is signed
             * @default null
             */
            timestampHeader: string | null;
            /**
             * Format: int64
             * @description How far a signed timestamp may be from now, either way
             * @default 300
             */
            toleranceSeconds: number;
            /**
             * @description The header carrying a unique delivery id; used to dedupe only when the signature covers it (`{id}.{timestamp}.{body}`), else ignored
             * @default null
             */
            eventIdHeader: string | null;
            /**
             * @default canonical
             * @enum {string}
             */
            format: "canonical" | "gesmart";
        };
        UpdateInboundSource: {
            name?: string;
            /** @example x-gesmart-signature */
            signatureHeader?: string;
            /** @enum {string} */
            signatureEncoding?: "base64" | "hex";
            /** @description Stripped before decoding, e.g. "sha256=" */
            signaturePrefix?: string;
            /**
             * @description What the HMAC covers. `{body}`: the raw body; identical bodies within the dedupe window (600 s) are one push, even when sent again on purpose. `{timestamp}.{body}`: preferred; replays are refused by time and deduped on timestamp + body. `{id}.{timestamp}.{body}` (Standard Webhooks): the signed event id decides what is a replay.
             * @enum {string}
             */
            signedPayload?: "{body}" | "{timestamp}.{body}" | "{id}.{timestamp}.{body}";
            /** @description Required when the timestamp is signed */
            timestampHeader?: string | null;
            /**
             * Format: int64
             * @description How far a signed timestamp may be from now, either way
             */
            toleranceSeconds?: number;
            /** @description The header carrying a unique delivery id; used to dedupe only when the signature covers it (`{id}.{timestamp}.{body}`), else ignored */
            eventIdHeader?: string | null;
        };
        InboundSourceRotated: components["schemas"]["InboundSource"] & {
            /** @description The new secret, shown once; the previous one is still accepted for 24 h */
            secret: string;
        };
        ImageDetail: components["schemas"]["Image"] & {
            productId: string;
            format: string | null;
            /** Format: int64 */
            bytes: number | null;
            /** Format: int64 */
            attempts: number;
            dhash: string | null;
            /** @description Per-processor results: derivatives, dhash, pipelines */
            results: {
                [key: string]: unknown;
            } | null;
            /** @description Signed URLs of the derivatives (thumb, medium) */
            variants: {
                [key: string]: string | null;
            };
            updatedAt: string;
        };
        Processor: {
            name: string;
            url: string;
            config: {
                [key: string]: unknown;
            };
            createdAt: string;
            updatedAt: string;
        };
        ProcessorConfig: {
            /**
             * Format: uri
             * @example https://tryon.example/jobs
             */
            url: string;
            /**
             * @description Sent with every job; its hash keys cached results
             * @default {}
             * @example {
             *       "model": "v2"
             *     }
             */
            config: {
                [key: string]: unknown;
            };
        };
        ProcessorRotated: components["schemas"]["Processor"] & {
            secret: string;
        };
        Import: {
            jobId: string;
            /** @enum {string} */
            format: "jsonl" | "csv" | "tsv" | "xml";
            /** @enum {string} */
            mode: "upsert" | "replace";
            /** @enum {string} */
            status: "uploading" | "pending" | "processing" | "completed" | "partial" | "failed";
            /** Format: int64 */
            bytes: number;
            sha256: string;
            encoding: string | null;
            rows: {
                /** Format: int64 */
                total: number;
                /** Format: int64 */
                done: number;
                /** Format: int64 */
                failed: number;
            };
            /** @description Share of the file read, 0-1 */
            progress: number;
            rowsPerSecond: number | null;
            note: string | null;
            createdAt: string;
            completedAt: string | null;
        };
        RecommendationPage: {
            productId: string;
            /** @enum {string} */
            list: "similar" | "complementary";
            /**
             * @description `off`: the product does not ask for this list (its `recommend`, or the tenant default); `pending`: not computed for its current version yet; `ready`: computed
             * @enum {string}
             */
            status: "ready" | "pending" | "off";
            data: components["schemas"]["Recommendation"][];
            nextCursor: string | null;
        };
        Recommendation: {
            id: string;
            /** Format: int64 */
            number: number;
            /**
             * @description 0-1: the weighted mean of the components this pair has
             * @example 0.87
             */
            score: number;
            /**
             * @example [
             *       "visual",
             *       "same productType",
             *       "color"
             *     ]
             */
            reasons: string[];
        };
        RecommendationRules: {
            /** @description Branches in order: a product belongs to the first whose `match` names a segment of its productType */
            branches: {
                name: string;
                match: string[];
            }[];
            /** @description branch -> the branches that complete it */
            complements: {
                [key: string]: string[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postV1AdminTenants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme",
                 *       "aliases": [
                 *         "acme"
                 *       ],
                 *       "defaultCurrency": "USD",
                 *       "defaultLocale": "en-US"
                 *     }
                 */
                "application/json": components["schemas"]["CreateTenant"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tenant": {
                     *         "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "name": "Acme",
                     *         "aliases": [
                     *           "acme"
                     *         ],
                     *         "defaultCurrency": "USD",
                     *         "defaultLocale": "en-US",
                     *         "plan": "standard",
                     *         "createdAt": "2026-12-05T17:03:50.635Z",
                     *         "updatedAt": "2026-12-05T17:03:50.635Z",
                     *         "recommend": "none",
                     *         "shard": 0,
                     *         "epoch": 1,
                     *         "placementState": "active"
                     *       },
                     *       "apiKey": {
                     *         "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "name": "default",
                     *         "prefix": "ssk_Y-2LlENN",
                     *         "createdAt": "2026-12-05T17:03:50.635Z",
                     *         "lastUsedAt": null,
                     *         "revokedAt": null,
                     *         "scopes": [
                     *           "*"
                     *         ],
                     *         "expiresAt": null,
                     *         "key": "ssk_Example0secret0shown0once"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedTenant"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminTenantsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "Acme",
                     *       "aliases": [
                     *         "acme"
                     *       ],
                     *       "defaultCurrency": "USD",
                     *       "defaultLocale": "en-US",
                     *       "plan": "standard",
                     *       "createdAt": "2026-12-05T17:03:50.635Z",
                     *       "updatedAt": "2026-12-05T17:03:50.635Z",
                     *       "recommend": "none",
                     *       "shard": 0,
                     *       "epoch": 1,
                     *       "placementState": "active"
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1AdminTenantsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme Inc.",
                 *       "aliases": [
                 *         "acme",
                 *         "acme-eu"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTenant"];
            };
        };
        responses: {
            /** @description The tenant */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "Acme Inc.",
                     *       "aliases": [
                     *         "acme",
                     *         "acme-eu"
                     *       ],
                     *       "defaultCurrency": "USD",
                     *       "defaultLocale": "en-US",
                     *       "plan": "standard",
                     *       "createdAt": "2026-12-05T17:03:50.635Z",
                     *       "updatedAt": "2026-12-05T17:03:50.781Z",
                     *       "recommend": "none",
                     *       "shard": 0,
                     *       "epoch": 1,
                     *       "placementState": "active"
                     *     }
                     */
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminTenantsByIdKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Keys */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "name": "default",
                     *           "prefix": "ssk_Y-2LlENN",
                     *           "createdAt": "2026-12-05T17:03:50.635Z",
                     *           "lastUsedAt": null,
                     *           "revokedAt": null,
                     *           "scopes": [
                     *             "*"
                     *           ],
                     *           "expiresAt": null
                     *         },
                     *         {
                     *           "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "name": "ERP sync",
                     *           "prefix": "ssk_3cO6Lb2V",
                     *           "createdAt": "2026-12-05T17:03:50.813Z",
                     *           "lastUsedAt": null,
                     *           "revokedAt": null,
                     *           "scopes": [
                     *             "*"
                     *           ],
                     *           "expiresAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AdminTenantsByIdKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "ERP sync"
                 *     }
                 */
                "application/json": components["schemas"]["IssueApiKey"];
            };
        };
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *       "name": "ERP sync",
                     *       "prefix": "ssk_3cO6Lb2V",
                     *       "createdAt": "2026-12-05T17:03:50.813Z",
                     *       "lastUsedAt": null,
                     *       "revokedAt": null,
                     *       "scopes": [
                     *         "*"
                     *       ],
                     *       "expiresAt": null,
                     *       "key": "ssk_Example0secret0shown0once1"
                     *     }
                     */
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1AdminTenantsByIdKeysByKeyId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
                /** @example key_01JD7Z8Q6V7N9K3M2X4B5C6D7F */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminDeadLetters: {
        parameters: {
            query?: {
                /** @example 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                queue?: "shelfsync-events" | "shelfsync-deliveries" | "shelfsync-ingest" | "shelfsync-imports" | "shelfsync-inbound" | "shelfsync-maintenance" | "shelfsync-recommendations";
                tenantId?: string;
                /**
                 * @description Only replayed (true) or not yet replayed (false) records
                 * @example false
                 */
                replayed?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dead letters */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "queue": "shelfsync-imports",
                     *           "reason": "TypeError: Cannot read properties of undefined (reading 'rows')",
                     *           "attempts": 6,
                     *           "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
                     *           "body": {
                     *             "kind": "import",
                     *             "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K"
                     *           },
                     *           "createdAt": "2026-12-05T15:40:00.000Z",
                     *           "replayedAt": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["DeadLetterList"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AdminDeadLettersByIdReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Replayed, or replayed before */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "replayed": true,
                     *       "deadLetter": {
                     *         "id": "dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "queue": "shelfsync-imports",
                     *         "reason": "TypeError: Cannot read properties of undefined (reading 'rows')",
                     *         "attempts": 6,
                     *         "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
                     *         "body": {
                     *           "kind": "import",
                     *           "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K"
                     *         },
                     *         "createdAt": "2026-12-05T15:40:00.000Z",
                     *         "replayedAt": "2026-12-05T16:02:11.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["DeadLetterReplay"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures, computed now */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "scope": "all",
                     *       "generatedAt": "2026-12-05T17:03:54.953Z",
                     *       "windowHours": 24,
                     *       "products": {
                     *         "total": 3,
                     *         "byStatus": {
                     *           "pending": 0,
                     *           "processing": 0,
                     *           "done": 2,
                     *           "error": 1
                     *         }
                     *       },
                     *       "images": {
                     *         "total": 2,
                     *         "byStatus": {
                     *           "pending": 0,
                     *           "processing": 0,
                     *           "done": 1,
                     *           "error": 1
                     *         }
                     *       },
                     *       "jobs": {
                     *         "byStatus": {
                     *           "pending": 4,
                     *           "processing": 0,
                     *           "completed": 3,
                     *           "failed": 0,
                     *           "partial": 1
                     *         },
                     *         "durationMs": {
                     *           "count": 4,
                     *           "p50": 1131,
                     *           "p95": 3056,
                     *           "p99": 3056,
                     *           "max": 3056
                     *         }
                     *       },
                     *       "queues": [
                     *         {
                     *           "queue": "ingest",
                     *           "pending": 0,
                     *           "due": 0,
                     *           "oldestDueAt": null,
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "deliveries",
                     *           "pending": 9,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.726Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "imports",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.838Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "inbound",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.790Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "events",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.674Z",
                     *           "lagSeconds": 0
                     *         }
                     *       ],
                     *       "deliveries": {
                     *         "attempts": 9,
                     *         "succeeded": 0,
                     *         "successRate": 0,
                     *         "latencyMs": {
                     *           "count": 9,
                     *           "p50": 0,
                     *           "p95": 1,
                     *           "p99": 1,
                     *           "max": 1
                     *         },
                     *         "endpoints": [
                     *           {
                     *             "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "url": "https://receiver.example/webhooks",
                     *             "enabled": true,
                     *             "disabledReason": null,
                     *             "attempts": 9,
                     *             "succeeded": 0,
                     *             "successRate": 0,
                     *             "latencyMs": {
                     *               "count": 9,
                     *               "p50": 0,
                     *               "p95": 1,
                     *               "p99": 1,
                     *               "max": 1
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "tenants": 1,
                     *       "deadLetters": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1AdminTenantsByIdMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "shard": 1
                 *     }
                 */
                "application/json": components["schemas"]["StartMove"];
            };
        };
        responses: {
            /** @description Started: the move runs on the maintenance queue */
            202: {
                headers: {
                    /** @description The move */
                    Location?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "fromShard": 0,
                     *       "toShard": 1,
                     *       "state": "copying",
                     *       "epoch": 2,
                     *       "watermarks": {
                     *         "copy": {},
                     *         "tail": {},
                     *         "verify": {},
                     *         "clean": {}
                     *       },
                     *       "report": null,
                     *       "error": null,
                     *       "createdAt": "2026-12-05T17:04:10.000Z",
                     *       "updatedAt": "2026-12-05T17:04:10.000Z",
                     *       "completedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["ShardMove"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminTenantsByIdMovesByMoveId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
                /** @example mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                moveId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The move */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "fromShard": 0,
                     *       "toShard": 1,
                     *       "state": "done",
                     *       "epoch": 2,
                     *       "watermarks": {
                     *         "copy": {
                     *           "products": {
                     *             "after": [
                     *               "sku-1042"
                     *             ],
                     *             "done": true,
                     *             "rows": 1042
                     *           }
                     *         },
                     *         "tail": {
                     *           "products": {
                     *             "after": [
                     *               "sku-1042"
                     *             ],
                     *             "done": true,
                     *             "rows": 200,
                     *             "deleted": 1
                     *           }
                     *         },
                     *         "verify": {
                     *           "products": {
                     *             "from": {
                     *               "after": [
                     *                 "sku-1042"
                     *               ],
                     *               "done": true,
                     *               "rows": 1041,
                     *               "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                     *             },
                     *             "to": {
                     *               "after": [
                     *                 "sku-1042"
                     *               ],
                     *               "done": true,
                     *               "rows": 1041,
                     *               "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                     *             }
                     *           }
                     *         },
                     *         "clean": {
                     *           "products": {
                     *             "after": null,
                     *             "done": true,
                     *             "rows": 1041
                     *           }
                     *         },
                     *         "frozenAt": 1764954252000,
                     *         "flippedAt": 1764954253800
                     *       },
                     *       "report": {
                     *         "tables": {
                     *           "products": {
                     *             "fromRows": 1041,
                     *             "toRows": 1041,
                     *             "fromHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                     *             "toHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                     *             "equal": true
                     *           }
                     *         },
                     *         "freezeMs": 1800,
                     *         "copiedRows": 1042,
                     *         "tailRecopiedRows": 200,
                     *         "tailDeletedRows": 1,
                     *         "cleanedRows": 1041
                     *       },
                     *       "error": null,
                     *       "createdAt": "2026-12-05T17:04:10.000Z",
                     *       "updatedAt": "2026-12-05T17:05:14.000Z",
                     *       "completedAt": "2026-12-05T17:05:14.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ShardMove"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1AdminTenantsByIdMoves: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Moves */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "fromShard": 0,
                     *           "toShard": 1,
                     *           "state": "done",
                     *           "epoch": 2,
                     *           "watermarks": {
                     *             "copy": {
                     *               "products": {
                     *                 "after": [
                     *                   "sku-1042"
                     *                 ],
                     *                 "done": true,
                     *                 "rows": 1042
                     *               }
                     *             },
                     *             "tail": {
                     *               "products": {
                     *                 "after": [
                     *                   "sku-1042"
                     *                 ],
                     *                 "done": true,
                     *                 "rows": 200,
                     *                 "deleted": 1
                     *               }
                     *             },
                     *             "verify": {
                     *               "products": {
                     *                 "from": {
                     *                   "after": [
                     *                     "sku-1042"
                     *                   ],
                     *                   "done": true,
                     *                   "rows": 1041,
                     *                   "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                     *                 },
                     *                 "to": {
                     *                   "after": [
                     *                     "sku-1042"
                     *                   ],
                     *                   "done": true,
                     *                   "rows": 1041,
                     *                   "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                     *                 }
                     *               }
                     *             },
                     *             "clean": {
                     *               "products": {
                     *                 "after": null,
                     *                 "done": true,
                     *                 "rows": 1041
                     *               }
                     *             },
                     *             "frozenAt": 1764954252000,
                     *             "flippedAt": 1764954253800
                     *           },
                     *           "report": {
                     *             "tables": {
                     *               "products": {
                     *                 "fromRows": 1041,
                     *                 "toRows": 1041,
                     *                 "fromHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                     *                 "toHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                     *                 "equal": true
                     *               }
                     *             },
                     *             "freezeMs": 1800,
                     *             "copiedRows": 1042,
                     *             "tailRecopiedRows": 200,
                     *             "tailDeletedRows": 1,
                     *             "cleanedRows": 1041
                     *           },
                     *           "error": null,
                     *           "createdAt": "2026-12-05T17:04:10.000Z",
                     *           "updatedAt": "2026-12-05T17:05:14.000Z",
                     *           "completedAt": "2026-12-05T17:05:14.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["ShardMove"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1InboundById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "erp-1001",
                 *       "title": "Canvas Tote Bag",
                 *       "brand": "Acme",
                 *       "prices": {
                 *         "USD": {
                 *           "amount": "18.50"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description A replay of a push already accepted */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboundAck"];
                };
            };
            /** @description Accepted; poll GET /v1/jobs/{jobId} */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7J",
                     *       "status": "pending",
                     *       "duplicate": false
                     *     }
                     */
                    "application/json": components["schemas"]["InboundAck"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ImagesByIdContent: {
        parameters: {
            query?: {
                /** @example thumb */
                variant?: "thumb" | "medium";
                /** @description The sha256 the URL pins */
                v?: string;
                exp?: string;
                /** @description The tenant the signed URL belongs to (covered by `sig`; absent in URLs signed before it was added) */
                t?: string;
                sig?: string;
            };
            header?: never;
            path: {
                /** @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7F */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/*": string;
                };
            };
            /** @description A byte range */
            206: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not modified */
            304: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Range not satisfiable */
            416: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ProcessorCallbacksByTenantIdByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                tenantId: string;
                /** @example tryOn */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 *       "status": "done",
                 *       "outputs": [
                 *         {
                 *           "url": "https://tryon.example/out/1.png"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ProcessorCallback"];
            };
        };
        responses: {
            /** @description Recorded */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true,
                     *       "images": 0
                     *     }
                     */
                    "application/json": {
                        received: boolean;
                        /** Format: int64 */
                        images: number;
                    };
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ProductsBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "products": [
                 *         {
                 *           "id": "sku-1001",
                 *           "title": "Canvas Sneaker",
                 *           "sizes": [
                 *             "40",
                 *             "41",
                 *             "42"
                 *           ],
                 *           "prices": {
                 *             "USD": {
                 *               "amount": "59.00"
                 *             }
                 *           }
                 *         },
                 *         {
                 *           "id": "sku-1002",
                 *           "title": "Wool Socks",
                 *           "gtin": "00012345678906"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    products: Record<string, never>[];
                };
            };
        };
        responses: {
            /** @description Per-item results */
            200: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "job": {
                     *         "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *         "kind": "products.batch",
                     *         "status": "partial",
                     *         "counts": {
                     *           "total": 2,
                     *           "succeeded": 1,
                     *           "failed": 1,
                     *           "created": 1,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "deleted": 0
                     *         },
                     *         "createdAt": "2026-12-05T15:29:04.869Z",
                     *         "startedAt": "2026-12-05T15:29:04.869Z",
                     *         "completedAt": "2026-12-05T15:29:04.869Z",
                     *         "durationMs": 0
                     *       },
                     *       "results": [
                     *         {
                     *           "index": 0,
                     *           "id": "sku-1001",
                     *           "ok": true,
                     *           "status": "created",
                     *           "number": 3,
                     *           "version": 1
                     *         },
                     *         {
                     *           "index": 1,
                     *           "id": "sku-1002",
                     *           "ok": false,
                     *           "status": "failed",
                     *           "error": {
                     *             "code": "validation_failed",
                     *             "errors": [
                     *               {
                     *                 "path": "/gtin",
                     *                 "message": "Must be a GTIN-8/12/13/14 with a valid check digit"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        job: components["schemas"]["Job"];
                        results: components["schemas"]["BatchItemResult"][];
                    };
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Products: {
        parameters: {
            query?: {
                /** @example 20 */
                limit?: number;
                cursor?: string;
                /** @description RFC 3339 */
                updated_since?: string;
                /** @example done */
                status?: "pending" | "processing" | "done" | "error";
                /** @description Exact brand */
                brand?: string;
                /** @description Exact GTIN as stored */
                gtin?: string;
                /** @description Exact item group id (the variants of one product) */
                itemGroupId?: string;
                /** @description Prefix of productType, case-sensitive: `KIDS > MALE` matches `KIDS > MALE > BOTTOMS` */
                productType?: string;
                /** @description Products whose `active` is set to this value (products without `active` match neither) */
                active?: "true" | "false";
                /** @description Title search (every localized title too): all words must match, the last as a prefix; at most 8 words */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    /** @description A tag of this answer, for If-None-Match (a product's is `"<version>-<hash>"`, which If-Match on writes also takes) */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "edb1e435d172",
                     *           "number": 2,
                     *           "version": 1,
                     *           "status": "done",
                     *           "createdAt": "2026-12-05T15:29:04.818Z",
                     *           "updatedAt": "2026-12-05T15:29:04.818Z",
                     *           "expiresAt": null,
                     *           "brand": "Acme",
                     *           "images": [
                     *             {
                     *               "id": "front",
                     *               "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *               "source": {
                     *                 "fileName": "front.png",
                     *                 "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
                     *               },
                     *               "pipelines": {},
                     *               "classifications": null,
                     *               "status": "done",
                     *               "error": null,
                     *               "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
                     *               "width": 8,
                     *               "height": 8,
                     *               "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs"
                     *             }
                     *           ],
                     *           "title": "Linen Shirt",
                     *           "prices": {
                     *             "EUR": {
                     *               "amount": "49.90",
                     *               "amountMicros": "49900000"
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "id": "sku-1001",
                     *           "number": 3,
                     *           "version": 1,
                     *           "status": "done",
                     *           "createdAt": "2026-12-05T15:29:04.869Z",
                     *           "updatedAt": "2026-12-05T15:29:04.869Z",
                     *           "expiresAt": null,
                     *           "sizes": [
                     *             "40",
                     *             "41",
                     *             "42"
                     *           ],
                     *           "title": "Canvas Sneaker",
                     *           "prices": {
                     *             "USD": {
                     *               "amount": "59.00",
                     *               "amountMicros": "59000000"
                     *             }
                     *           },
                     *           "images": []
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Product"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    /** @description A tag of this answer, for If-None-Match (a product's is `"<version>-<hash>"`, which If-Match on writes also takes) */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Products: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "edb1e435d172",
                 *       "title": "Linen Shirt",
                 *       "brand": "Acme",
                 *       "prices": {
                 *         "EUR": {
                 *           "amount": "49.90"
                 *         }
                 *       },
                 *       "images": [
                 *         {
                 *           "id": "front",
                 *           "source": {
                 *             "base64": "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAaklEQVR4nBWNQREAQQzCkFIpSKmUSEFKpSDlbnlmmEQSIyxWICJOVEjDDB52YMhwQwfJjLFZg4k5UyMts3jZhSXLLV2kJ8APvgUO+ucUJjhsHk640PyNYw4fe++c447e3yhTXLZPkXKl5QPGe1gBrfdehAAAAABJRU5ErkJggg==",
                 *             "fileName": "front.png"
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ProductInput"];
                "multipart/form-data": {
                    /** @description The ProductInput JSON, with its id */
                    data: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description Replaced (or unchanged) */
            200: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The product version, for If-Match */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The product version, for If-Match */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "edb1e435d172",
                     *       "number": 2,
                     *       "version": 1,
                     *       "status": "pending",
                     *       "createdAt": "2026-12-05T15:29:04.818Z",
                     *       "updatedAt": "2026-12-05T15:29:04.818Z",
                     *       "expiresAt": null,
                     *       "brand": "Acme",
                     *       "images": [
                     *         {
                     *           "id": "front",
                     *           "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "source": {
                     *             "fileName": "front.png",
                     *             "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
                     *           },
                     *           "pipelines": {},
                     *           "classifications": null,
                     *           "status": "pending",
                     *           "error": null,
                     *           "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
                     *           "width": null,
                     *           "height": null,
                     *           "url": null
                     *         }
                     *       ],
                     *       "title": "Linen Shirt",
                     *       "prices": {
                     *         "EUR": {
                     *           "amount": "49.90",
                     *           "amountMicros": "49900000"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    /** @description A tag of this answer, for If-None-Match (a product's is `"<version>-<hash>"`, which If-Match on writes also takes) */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "380145e972ee",
                     *       "number": 1,
                     *       "version": 2,
                     *       "status": "pending",
                     *       "createdAt": "2026-12-05T15:29:04.501Z",
                     *       "updatedAt": "2026-12-05T15:29:04.623Z",
                     *       "expiresAt": null,
                     *       "active": true,
                     *       "ageGroup": "adult",
                     *       "attributes": [
                     *         {
                     *           "group": "Dimensions",
                     *           "name": "Width",
                     *           "order": 1,
                     *           "unit": "cm",
                     *           "value": "30"
                     *         }
                     *       ],
                     *       "brand": "Sizebay",
                     *       "description": "100% cotton",
                     *       "gender": "unisex",
                     *       "gtin": "00012345678905",
                     *       "images": [
                     *         {
                     *           "id": "front",
                     *           "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "source": {
                     *             "url": "https://cdn.example/front.jpg"
                     *           },
                     *           "pipelines": {
                     *             "tryOn": true
                     *           },
                     *           "classifications": null,
                     *           "status": "pending",
                     *           "error": null,
                     *           "sha256": null,
                     *           "width": null,
                     *           "height": null,
                     *           "url": null
                     *         }
                     *       ],
                     *       "itemGroupId": "edb1e435d172",
                     *       "localizations": {
                     *         "en-US": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/us/p/380145e972ee",
                     *           "title": "Classic White T-Shirt"
                     *         },
                     *         "pt-BR": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/br/p/380145e972ee",
                     *           "title": "Camiseta Branca"
                     *         }
                     *       },
                     *       "metadata": {
                     *         "season": "SS25"
                     *       },
                     *       "productType": "KIDS > MALE > BOTTOMS",
                     *       "quantity": 42,
                     *       "sizeSystem": "BR",
                     *       "sizes": [
                     *         "XS",
                     *         "S",
                     *         "M",
                     *         "L",
                     *         "XL"
                     *       ],
                     *       "title": "Classic White T-Shirt",
                     *       "validForDays": null,
                     *       "prices": {
                     *         "JPY": {
                     *           "amount": "3900",
                     *           "amountMicros": "3900000000"
                     *         },
                     *         "USD": {
                     *           "amount": "25.00",
                     *           "amountMicros": "25000000",
                     *           "sale": {
                     *             "amount": "19.99",
                     *             "amountMicros": "19990000",
                     *             "end": "2024-06-20T23:59:59.000Z",
                     *             "start": "2024-06-10T00:00:00.000Z"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Not modified (If-None-Match matched the ETag) */
            304: {
                headers: {
                    /** @description A tag of this answer, for If-None-Match (a product's is `"<version>-<hash>"`, which If-Match on writes also takes) */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putV1ProductsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "idempotency-key"?: string;
                "if-match"?: string;
            };
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "itemGroupId": "edb1e435d172",
                 *       "title": "Classic White T-Shirt",
                 *       "description": "100% cotton",
                 *       "brand": "Sizebay",
                 *       "productType": "KIDS > MALE > BOTTOMS",
                 *       "gender": "unisex",
                 *       "ageGroup": "adult",
                 *       "color": "White",
                 *       "sizes": [
                 *         "XS",
                 *         "S",
                 *         "M",
                 *         "L",
                 *         "XL"
                 *       ],
                 *       "sizeSystem": "BR",
                 *       "gtin": "00012345678905",
                 *       "active": true,
                 *       "quantity": 50,
                 *       "localizations": {
                 *         "en-US": {
                 *           "title": "Classic White T-Shirt",
                 *           "availability": "in stock",
                 *           "link": "https://shop.example/us/p/380145e972ee"
                 *         },
                 *         "pt-BR": {
                 *           "title": "Camiseta Branca",
                 *           "availability": "in stock",
                 *           "link": "https://shop.example/br/p/380145e972ee"
                 *         }
                 *       },
                 *       "prices": {
                 *         "USD": {
                 *           "amount": "25.00",
                 *           "sale": {
                 *             "amount": "19.99",
                 *             "start": "2024-06-10T00:00:00Z",
                 *             "end": "2024-06-20T23:59:59Z"
                 *           }
                 *         },
                 *         "JPY": {
                 *           "amount": "3900"
                 *         }
                 *       },
                 *       "attributes": [
                 *         {
                 *           "group": "Dimensions",
                 *           "name": "Width",
                 *           "value": "30",
                 *           "unit": "cm",
                 *           "order": 1
                 *         }
                 *       ],
                 *       "images": [
                 *         {
                 *           "id": "front",
                 *           "source": {
                 *             "url": "https://cdn.example/front.jpg"
                 *           },
                 *           "pipelines": {
                 *             "tryOn": true
                 *           }
                 *         }
                 *       ],
                 *       "metadata": {
                 *         "season": "SS25"
                 *       },
                 *       "validForDays": null
                 *     }
                 */
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description Replaced (or unchanged) */
            200: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The product version, for If-Match */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The product version, for If-Match */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "380145e972ee",
                     *       "number": 1,
                     *       "version": 1,
                     *       "status": "pending",
                     *       "createdAt": "2026-12-05T15:29:04.501Z",
                     *       "updatedAt": "2026-12-05T15:29:04.501Z",
                     *       "expiresAt": null,
                     *       "active": true,
                     *       "ageGroup": "adult",
                     *       "attributes": [
                     *         {
                     *           "group": "Dimensions",
                     *           "name": "Width",
                     *           "order": 1,
                     *           "unit": "cm",
                     *           "value": "30"
                     *         }
                     *       ],
                     *       "brand": "Sizebay",
                     *       "color": "White",
                     *       "description": "100% cotton",
                     *       "gender": "unisex",
                     *       "gtin": "00012345678905",
                     *       "images": [
                     *         {
                     *           "id": "front",
                     *           "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "source": {
                     *             "url": "https://cdn.example/front.jpg"
                     *           },
                     *           "pipelines": {
                     *             "tryOn": true
                     *           },
                     *           "classifications": null,
                     *           "status": "pending",
                     *           "error": null,
                     *           "sha256": null,
                     *           "width": null,
                     *           "height": null,
                     *           "url": null
                     *         }
                     *       ],
                     *       "itemGroupId": "edb1e435d172",
                     *       "localizations": {
                     *         "en-US": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/us/p/380145e972ee",
                     *           "title": "Classic White T-Shirt"
                     *         },
                     *         "pt-BR": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/br/p/380145e972ee",
                     *           "title": "Camiseta Branca"
                     *         }
                     *       },
                     *       "metadata": {
                     *         "season": "SS25"
                     *       },
                     *       "productType": "KIDS > MALE > BOTTOMS",
                     *       "quantity": 50,
                     *       "sizeSystem": "BR",
                     *       "sizes": [
                     *         "XS",
                     *         "S",
                     *         "M",
                     *         "L",
                     *         "XL"
                     *       ],
                     *       "title": "Classic White T-Shirt",
                     *       "validForDays": null,
                     *       "prices": {
                     *         "JPY": {
                     *           "amount": "3900",
                     *           "amountMicros": "3900000000"
                     *         },
                     *         "USD": {
                     *           "amount": "25.00",
                     *           "amountMicros": "25000000",
                     *           "sale": {
                     *             "amount": "19.99",
                     *             "amountMicros": "19990000",
                     *             "end": "2024-06-20T23:59:59.000Z",
                     *             "start": "2024-06-10T00:00:00.000Z"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The If-Match version is not the current one */
            412: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1ProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1ProductsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 h */
                "idempotency-key"?: string;
                /** @example "1" */
                "if-match"?: string;
            };
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "quantity": 42,
                 *       "color": null
                 *     }
                 */
                "application/merge-patch+json": {
                    [key: string]: unknown;
                };
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Patched */
            200: {
                headers: {
                    /** @description The job this write created */
                    "Job-Id"?: string;
                    /** @description The product version, for If-Match */
                    ETag?: string;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "380145e972ee",
                     *       "number": 1,
                     *       "version": 2,
                     *       "status": "pending",
                     *       "createdAt": "2026-12-05T15:29:04.501Z",
                     *       "updatedAt": "2026-12-05T15:29:04.623Z",
                     *       "expiresAt": null,
                     *       "active": true,
                     *       "ageGroup": "adult",
                     *       "attributes": [
                     *         {
                     *           "group": "Dimensions",
                     *           "name": "Width",
                     *           "order": 1,
                     *           "unit": "cm",
                     *           "value": "30"
                     *         }
                     *       ],
                     *       "brand": "Sizebay",
                     *       "description": "100% cotton",
                     *       "gender": "unisex",
                     *       "gtin": "00012345678905",
                     *       "images": [
                     *         {
                     *           "id": "front",
                     *           "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "source": {
                     *             "url": "https://cdn.example/front.jpg"
                     *           },
                     *           "pipelines": {
                     *             "tryOn": true
                     *           },
                     *           "classifications": null,
                     *           "status": "pending",
                     *           "error": null,
                     *           "sha256": null,
                     *           "width": null,
                     *           "height": null,
                     *           "url": null
                     *         }
                     *       ],
                     *       "itemGroupId": "edb1e435d172",
                     *       "localizations": {
                     *         "en-US": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/us/p/380145e972ee",
                     *           "title": "Classic White T-Shirt"
                     *         },
                     *         "pt-BR": {
                     *           "availability": "in stock",
                     *           "link": "https://shop.example/br/p/380145e972ee",
                     *           "title": "Camiseta Branca"
                     *         }
                     *       },
                     *       "metadata": {
                     *         "season": "SS25"
                     *       },
                     *       "productType": "KIDS > MALE > BOTTOMS",
                     *       "quantity": 42,
                     *       "sizeSystem": "BR",
                     *       "sizes": [
                     *         "XS",
                     *         "S",
                     *         "M",
                     *         "L",
                     *         "XL"
                     *       ],
                     *       "title": "Classic White T-Shirt",
                     *       "validForDays": null,
                     *       "prices": {
                     *         "JPY": {
                     *           "amount": "3900",
                     *           "amountMicros": "3900000000"
                     *         },
                     *         "USD": {
                     *           "amount": "25.00",
                     *           "amountMicros": "25000000",
                     *           "sale": {
                     *             "amount": "19.99",
                     *             "amountMicros": "19990000",
                     *             "end": "2024-06-20T23:59:59.000Z",
                     *             "start": "2024-06-10T00:00:00.000Z"
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The If-Match version is not the current one */
            412: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1JobsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example job_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "kind": "products.batch",
                     *       "status": "partial",
                     *       "counts": {
                     *         "total": 2,
                     *         "succeeded": 1,
                     *         "failed": 1,
                     *         "created": 1,
                     *         "updated": 0,
                     *         "unchanged": 0,
                     *         "deleted": 0
                     *       },
                     *       "createdAt": "2026-12-05T15:29:04.869Z",
                     *       "startedAt": "2026-12-05T15:29:04.869Z",
                     *       "completedAt": "2026-12-05T15:29:04.869Z",
                     *       "durationMs": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Job"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Jobs: {
        parameters: {
            query?: {
                /** @example 20 */
                limit?: number;
                cursor?: string;
                status?: "pending" | "processing" | "completed" | "failed" | "partial";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "kind": "products.batch",
                     *           "status": "partial",
                     *           "counts": {
                     *             "total": 2,
                     *             "succeeded": 1,
                     *             "failed": 1,
                     *             "created": 1,
                     *             "updated": 0,
                     *             "unchanged": 0,
                     *             "deleted": 0
                     *           },
                     *           "createdAt": "2026-12-05T15:29:04.869Z",
                     *           "startedAt": "2026-12-05T15:29:04.869Z",
                     *           "completedAt": "2026-12-05T15:29:04.869Z",
                     *           "durationMs": 0
                     *         },
                     *         {
                     *           "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "kind": "products.post",
                     *           "status": "processing",
                     *           "counts": {
                     *             "total": 1,
                     *             "succeeded": 1,
                     *             "failed": 0,
                     *             "created": 1,
                     *             "updated": 0,
                     *             "unchanged": 0,
                     *             "deleted": 0
                     *           },
                     *           "createdAt": "2026-12-05T15:29:04.818Z",
                     *           "startedAt": "2026-12-05T15:29:04.818Z",
                     *           "completedAt": null,
                     *           "durationMs": null
                     *         },
                     *         {
                     *           "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
                     *           "kind": "products.patch",
                     *           "status": "processing",
                     *           "counts": {
                     *             "total": 1,
                     *             "succeeded": 1,
                     *             "failed": 0,
                     *             "created": 0,
                     *             "updated": 1,
                     *             "unchanged": 0,
                     *             "deleted": 0
                     *           },
                     *           "createdAt": "2026-12-05T15:29:04.623Z",
                     *           "startedAt": "2026-12-05T15:29:04.623Z",
                     *           "completedAt": null,
                     *           "durationMs": null
                     *         },
                     *         {
                     *           "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7H",
                     *           "kind": "products.put",
                     *           "status": "processing",
                     *           "counts": {
                     *             "total": 1,
                     *             "succeeded": 1,
                     *             "failed": 0,
                     *             "created": 1,
                     *             "updated": 0,
                     *             "unchanged": 0,
                     *             "deleted": 0
                     *           },
                     *           "createdAt": "2026-12-05T15:29:04.501Z",
                     *           "startedAt": "2026-12-05T15:29:04.501Z",
                     *           "completedAt": null,
                     *           "durationMs": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Job"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1JobsByIdErrors: {
        parameters: {
            query?: {
                /** @example 20 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example job_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of errors */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "index": 1,
                     *           "itemId": "sku-1002",
                     *           "line": null,
                     *           "code": "validation_failed",
                     *           "errors": [
                     *             {
                     *               "path": "/gtin",
                     *               "message": "Must be a GTIN-8/12/13/14 with a valid check digit"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["JobError"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Events: {
        parameters: {
            query?: {
                /** @example 0 */
                after?: number | null;
                /** @example 3 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Events after the cursor */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "seq": 1,
                     *           "type": "product.created",
                     *           "timestamp": "2026-12-05T15:29:04.501Z",
                     *           "data": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 1
                     *           }
                     *         },
                     *         {
                     *           "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "seq": 2,
                     *           "type": "product.updated",
                     *           "timestamp": "2026-12-05T15:29:04.623Z",
                     *           "data": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 2
                     *           }
                     *         },
                     *         {
                     *           "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
                     *           "seq": 3,
                     *           "type": "product.created",
                     *           "timestamp": "2026-12-05T15:29:04.818Z",
                     *           "data": {
                     *             "productId": "edb1e435d172",
                     *             "number": 2,
                     *             "version": 1
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "3"
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Event"][];
                        nextCursor: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone */
            410: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1EventTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Event types */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "name": "product.created",
                     *           "description": "A product was written for the first time (version 1)",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "number": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "version": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "number",
                     *               "version"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 1
                     *           }
                     *         },
                     *         {
                     *           "name": "product.updated",
                     *           "description": "A write changed a product (a write that changes nothing emits no event), or a rename",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "number": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "version": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "number",
                     *               "version"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 2
                     *           }
                     *         },
                     *         {
                     *           "name": "product.deleted",
                     *           "description": "A product was deleted by a request, expired (validForDays), or left out of a replace import",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "number": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "version": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "reason": {
                     *                 "type": "string",
                     *                 "enum": [
                     *                   "deleted",
                     *                   "expired",
                     *                   "replaced"
                     *                 ]
                     *               },
                     *               "jobId": {
                     *                 "type": "string"
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "number",
                     *               "version",
                     *               "reason"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 2,
                     *             "reason": "deleted"
                     *           }
                     *         },
                     *         {
                     *           "name": "product.processed",
                     *           "description": "A write's image work settled: once per processing round",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "number": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "version": {
                     *                 "type": "integer",
                     *                 "minimum": 1,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "status": {
                     *                 "type": "string",
                     *                 "enum": [
                     *                   "done",
                     *                   "error"
                     *                 ]
                     *               },
                     *               "jobId": {
                     *                 "type": "string"
                     *               },
                     *               "failedImages": {
                     *                 "type": "integer",
                     *                 "minimum": 0,
                     *                 "maximum": 9007199254740991,
                     *                 "format": "int64"
                     *               },
                     *               "firstError": {
                     *                 "type": [
                     *                   "string",
                     *                   "null"
                     *                 ]
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "number",
                     *               "version",
                     *               "status",
                     *               "jobId",
                     *               "failedImages",
                     *               "firstError"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "number": 1,
                     *             "version": 2,
                     *             "status": "done",
                     *             "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "failedImages": 0,
                     *             "firstError": null
                     *           }
                     *         },
                     *         {
                     *           "name": "image.processed",
                     *           "description": "An image was fetched or received, probed, stored and processed by every pipeline it asked for",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "imageId": {
                     *                 "type": "string"
                     *               },
                     *               "id": {
                     *                 "type": "string"
                     *               },
                     *               "status": {
                     *                 "type": "string",
                     *                 "const": "done"
                     *               },
                     *               "url": {
                     *                 "type": [
                     *                   "string",
                     *                   "null"
                     *                 ]
                     *               },
                     *               "outputs": {
                     *                 "type": "object",
                     *                 "propertyNames": {
                     *                   "type": "string"
                     *                 },
                     *                 "additionalProperties": {
                     *                   "type": "string"
                     *                 }
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "imageId",
                     *               "id",
                     *               "status"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "imageId": "front",
                     *             "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "status": "done",
                     *             "url": "https://api.shelfsync.example/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content?v=9f86&exp=1797120000&sig=x",
                     *             "outputs": {
                     *               "tryOn": "https://tryon.example/out/1.png"
                     *             }
                     *           }
                     *         },
                     *         {
                     *           "name": "image.failed",
                     *           "description": "An image ended `error`: unreachable, not an image, over a limit, or a pipeline failed",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "productId": {
                     *                 "type": "string"
                     *               },
                     *               "imageId": {
                     *                 "type": "string"
                     *               },
                     *               "id": {
                     *                 "type": "string"
                     *               },
                     *               "status": {
                     *                 "type": "string",
                     *                 "const": "error"
                     *               },
                     *               "error": {
                     *                 "type": "string"
                     *               }
                     *             },
                     *             "required": [
                     *               "productId",
                     *               "imageId",
                     *               "id",
                     *               "status",
                     *               "error"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "productId": "380145e972ee",
                     *             "imageId": "front",
                     *             "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "status": "error",
                     *             "error": "The image is 12582912 bytes; the limit is 10485760"
                     *           }
                     *         },
                     *         {
                     *           "name": "job.completed",
                     *           "description": "A job (a write, batch, import or push) ended, with its final status",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "jobId": {
                     *                 "type": "string"
                     *               },
                     *               "status": {
                     *                 "type": "string",
                     *                 "enum": [
                     *                   "completed",
                     *                   "failed",
                     *                   "partial"
                     *                 ]
                     *               }
                     *             },
                     *             "required": [
                     *               "jobId",
                     *               "status"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "status": "completed"
                     *           }
                     *         },
                     *         {
                     *           "name": "endpoint.disabled",
                     *           "description": "A webhook endpoint was disabled: it answered 410, or failed for five days",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "endpointId": {
                     *                 "type": "string"
                     *               },
                     *               "url": {
                     *                 "type": "string"
                     *               },
                     *               "reason": {
                     *                 "type": "string"
                     *               }
                     *             },
                     *             "required": [
                     *               "endpointId",
                     *               "url",
                     *               "reason"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "url": "https://receiver.example/webhooks",
                     *             "reason": "The endpoint answered 410 Gone"
                     *           }
                     *         },
                     *         {
                     *           "name": "webhook.test",
                     *           "description": "Sent by POST /v1/webhooks/{id}/test to that endpoint only",
                     *           "schema": {
                     *             "$schema": "https://json-schema.org/draft/2020-12/schema",
                     *             "type": "object",
                     *             "properties": {
                     *               "endpointId": {
                     *                 "type": "string"
                     *               },
                     *               "message": {
                     *                 "type": "string"
                     *               }
                     *             },
                     *             "required": [
                     *               "endpointId",
                     *               "message"
                     *             ],
                     *             "additionalProperties": false
                     *           },
                     *           "example": {
                     *             "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "message": "A test event from Shelfsync"
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["EventType"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Webhooks: {
        parameters: {
            query?: {
                /** @example 20 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "url": "https://receiver.example/webhooks",
                     *           "eventTypes": [
                     *             "product.*",
                     *             "image.failed"
                     *           ],
                     *           "headerNames": [
                     *             "Authorization"
                     *           ],
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "format": "standard",
                     *           "failingSince": null,
                     *           "createdAt": "2026-12-05T15:29:04.205Z",
                     *           "updatedAt": "2026-12-05T15:29:04.205Z",
                     *           "expiresAt": null
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Webhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://receiver.example/webhooks",
                 *       "eventTypes": [
                 *         "product.*",
                 *         "image.failed"
                 *       ],
                 *       "headers": {
                 *         "Authorization": "Bearer receiver-token"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Subscribed */
            201: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "url": "https://receiver.example/webhooks",
                     *       "eventTypes": [
                     *         "product.*",
                     *         "image.failed"
                     *       ],
                     *       "headerNames": [
                     *         "Authorization"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "format": "standard",
                     *       "failingSince": null,
                     *       "createdAt": "2026-12-05T15:29:04.205Z",
                     *       "updatedAt": "2026-12-05T15:29:04.205Z",
                     *       "secret": "whsec_Example0secret0shown0once2",
                     *       "expiresAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1WebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "url": "https://receiver.example/webhooks",
                     *       "eventTypes": [
                     *         "product.*",
                     *         "image.failed"
                     *       ],
                     *       "headerNames": [
                     *         "Authorization"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "format": "standard",
                     *       "failingSince": null,
                     *       "createdAt": "2026-12-05T15:29:04.205Z",
                     *       "updatedAt": "2026-12-05T15:29:04.205Z",
                     *       "expiresAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1WebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1WebhooksById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "eventTypes": [
                 *         "product.*",
                 *         "image.*"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "url": "https://receiver.example/webhooks",
                     *       "eventTypes": [
                     *         "product.*",
                     *         "image.*"
                     *       ],
                     *       "headerNames": [
                     *         "Authorization"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "format": "standard",
                     *       "failingSince": null,
                     *       "createdAt": "2026-12-05T15:29:04.205Z",
                     *       "updatedAt": "2026-12-05T15:29:04.358Z",
                     *       "expiresAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksByIdRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated (the new secret is shown once) */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "url": "https://receiver.example/webhooks",
                     *       "eventTypes": [
                     *         "product.*",
                     *         "image.*"
                     *       ],
                     *       "headerNames": [
                     *         "Authorization"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "format": "standard",
                     *       "failingSince": null,
                     *       "createdAt": "2026-12-05T15:29:04.205Z",
                     *       "updatedAt": "2026-12-05T15:29:04.434Z",
                     *       "secret": "whsec_Example0secret0shown0once3",
                     *       "expiresAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksByIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7H"
                     *     }
                     */
                    "application/json": {
                        eventId: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1WebhooksByIdDeliveries: {
        parameters: {
            query?: {
                /** @example 20 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7J",
                     *           "eventType": "product.created",
                     *           "status": "retrying",
                     *           "attemptCount": 1,
                     *           "nextAttemptAt": "2026-12-05T15:29:10.155Z",
                     *           "createdAt": "2026-12-05T15:29:05.099Z",
                     *           "attempts": [
                     *             {
                     *               "attemptedAt": "2026-12-05T15:29:05.125Z",
                     *               "statusCode": null,
                     *               "latencyMs": 1,
                     *               "responseBody": null,
                     *               "error": "connection refused by receiver.example"
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
                     *           "eventType": "product.created",
                     *           "status": "retrying",
                     *           "attemptCount": 1,
                     *           "nextAttemptAt": "2026-12-05T15:29:10.456Z",
                     *           "createdAt": "2026-12-05T15:29:05.099Z",
                     *           "attempts": [
                     *             {
                     *               "attemptedAt": "2026-12-05T15:29:05.125Z",
                     *               "statusCode": null,
                     *               "latencyMs": 1,
                     *               "responseBody": null,
                     *               "error": "connection refused by receiver.example"
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
                     *           "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "eventType": "product.updated",
                     *           "status": "retrying",
                     *           "attemptCount": 2,
                     *           "nextAttemptAt": "2026-12-05T15:34:03.356Z",
                     *           "createdAt": "2026-12-05T15:29:05.099Z",
                     *           "attempts": [
                     *             {
                     *               "attemptedAt": "2026-12-05T15:29:05.125Z",
                     *               "statusCode": null,
                     *               "latencyMs": 0,
                     *               "responseBody": null,
                     *               "error": "connection refused by receiver.example"
                     *             },
                     *             {
                     *               "attemptedAt": "2026-12-05T15:29:10.470Z",
                     *               "statusCode": null,
                     *               "latencyMs": 1,
                     *               "responseBody": null,
                     *               "error": "connection refused by receiver.example"
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7H",
                     *           "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "eventType": "product.created",
                     *           "status": "retrying",
                     *           "attemptCount": 1,
                     *           "nextAttemptAt": "2026-12-05T15:29:10.496Z",
                     *           "createdAt": "2026-12-05T15:29:05.099Z",
                     *           "attempts": [
                     *             {
                     *               "attemptedAt": "2026-12-05T15:29:05.125Z",
                     *               "statusCode": null,
                     *               "latencyMs": 0,
                     *               "responseBody": null,
                     *               "error": "connection refused by receiver.example"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Delivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1WebhooksByIdRecover: {
        parameters: {
            query: {
                /**
                 * @description RFC 3339
                 * @example 2024-06-10T00:00:00Z
                 */
                since: string;
            };
            header?: never;
            path: {
                /** @example wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Requeued */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "requeued": 0
                     *     }
                     */
                    "application/json": {
                        /** Format: int64 */
                        requeued: number;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1DeliveriesByIdRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        id: string;
                        /** @enum {string} */
                        status: "pending";
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1InboundSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sources */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "name": "ERP",
                     *           "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *           "secretEnv": null,
                     *           "secretEncoding": "utf8",
                     *           "signatureHeader": "x-signature",
                     *           "signatureEncoding": "base64",
                     *           "signaturePrefix": "",
                     *           "signedPayload": "{body}",
                     *           "timestampHeader": null,
                     *           "toleranceSeconds": 300,
                     *           "eventIdHeader": null,
                     *           "format": "canonical",
                     *           "createdAt": "2026-12-05T15:29:10.949Z",
                     *           "updatedAt": "2026-12-05T15:29:10.949Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["InboundSource"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1InboundSources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "ERP",
                 *       "secret": "erp-shared-secret-0123456789abcdef",
                 *       "signatureHeader": "x-signature",
                 *       "signatureEncoding": "base64",
                 *       "signedPayload": "{body}",
                 *       "format": "canonical"
                 *     }
                 */
                "application/json": components["schemas"]["CreateInboundSource"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "ERP",
                     *       "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "secretEnv": null,
                     *       "secretEncoding": "utf8",
                     *       "signatureHeader": "x-signature",
                     *       "signatureEncoding": "base64",
                     *       "signaturePrefix": "",
                     *       "signedPayload": "{body}",
                     *       "timestampHeader": null,
                     *       "toleranceSeconds": 300,
                     *       "eventIdHeader": null,
                     *       "format": "canonical",
                     *       "createdAt": "2026-12-05T15:29:10.949Z",
                     *       "updatedAt": "2026-12-05T15:29:10.949Z",
                     *       "secret": null
                     *     }
                     */
                    "application/json": components["schemas"]["InboundSourceWithSecret"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1InboundSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "ERP",
                     *       "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "secretEnv": null,
                     *       "secretEncoding": "utf8",
                     *       "signatureHeader": "x-signature",
                     *       "signatureEncoding": "base64",
                     *       "signaturePrefix": "",
                     *       "signedPayload": "{body}",
                     *       "timestampHeader": null,
                     *       "toleranceSeconds": 300,
                     *       "eventIdHeader": null,
                     *       "format": "canonical",
                     *       "createdAt": "2026-12-05T15:29:10.949Z",
                     *       "updatedAt": "2026-12-05T15:29:10.949Z"
                     *     }
                     */
                    "application/json": components["schemas"]["InboundSource"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1InboundSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchV1InboundSourcesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "ERP (production)"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateInboundSource"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "ERP (production)",
                     *       "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "secretEnv": null,
                     *       "secretEncoding": "utf8",
                     *       "signatureHeader": "x-signature",
                     *       "signatureEncoding": "base64",
                     *       "signaturePrefix": "",
                     *       "signedPayload": "{body}",
                     *       "timestampHeader": null,
                     *       "toleranceSeconds": 300,
                     *       "eventIdHeader": null,
                     *       "format": "canonical",
                     *       "createdAt": "2026-12-05T15:29:10.949Z",
                     *       "updatedAt": "2026-12-05T15:29:11.103Z"
                     *     }
                     */
                    "application/json": components["schemas"]["InboundSource"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1InboundSourcesByIdRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example src_01JD7Z8Q6V7N9K3M2X4B5C6D7E */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated (the new secret is shown once) */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "name": "ERP (production)",
                     *       "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *       "secretEnv": null,
                     *       "secretEncoding": "utf8",
                     *       "signatureHeader": "x-signature",
                     *       "signatureEncoding": "base64",
                     *       "signaturePrefix": "",
                     *       "signedPayload": "{body}",
                     *       "timestampHeader": null,
                     *       "toleranceSeconds": 300,
                     *       "eventIdHeader": null,
                     *       "format": "canonical",
                     *       "createdAt": "2026-12-05T15:29:10.949Z",
                     *       "updatedAt": "2026-12-05T15:29:11.218Z",
                     *       "secret": "CZVQYOCv6NTjnLt82IS6UB5DHjUNwTmJaI20W6ihlZ8"
                     *     }
                     */
                    "application/json": components["schemas"]["InboundSourceRotated"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ProductsByIdImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example edb1e435d172 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Images */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "front",
                     *           "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *           "productId": "edb1e435d172",
                     *           "source": {
                     *             "fileName": "front.png",
                     *             "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
                     *           },
                     *           "pipelines": {},
                     *           "classifications": null,
                     *           "status": "done",
                     *           "error": null,
                     *           "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
                     *           "width": 8,
                     *           "height": 8,
                     *           "format": "png",
                     *           "bytes": 163,
                     *           "attempts": 1,
                     *           "dhash": "ffffffffffffffff",
                     *           "results": {
                     *             "derivatives": {
                     *               "thumb": {
                     *                 "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/thumb.webp",
                     *                 "width": 8,
                     *                 "height": 8,
                     *                 "bytes": 88,
                     *                 "format": "webp"
                     *               },
                     *               "medium": {
                     *                 "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/medium.webp",
                     *                 "width": 8,
                     *                 "height": 8,
                     *                 "bytes": 88,
                     *                 "format": "webp"
                     *               }
                     *             },
                     *             "dhash": {
                     *               "hash": "ffffffffffffffff"
                     *             }
                     *           },
                     *           "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs",
                     *           "variants": {
                     *             "thumb": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=thumb&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=7coPdZVtwDnp1851jv3dn-nD_gouIYAjtEU8UQfgOJA",
                     *             "medium": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=medium&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=Esvn59zF6QI2hloVpCebsoWQk3UrKF7EZAbHTBJj-4Y"
                     *           },
                     *           "updatedAt": "2026-12-05T15:29:10.440Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["ImageDetail"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ImagesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7F */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "front",
                     *       "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
                     *       "productId": "edb1e435d172",
                     *       "source": {
                     *         "fileName": "front.png",
                     *         "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
                     *       },
                     *       "pipelines": {},
                     *       "classifications": null,
                     *       "status": "done",
                     *       "error": null,
                     *       "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
                     *       "width": 8,
                     *       "height": 8,
                     *       "format": "png",
                     *       "bytes": 163,
                     *       "attempts": 1,
                     *       "dhash": "ffffffffffffffff",
                     *       "results": {
                     *         "derivatives": {
                     *           "thumb": {
                     *             "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/thumb.webp",
                     *             "width": 8,
                     *             "height": 8,
                     *             "bytes": 88,
                     *             "format": "webp"
                     *           },
                     *           "medium": {
                     *             "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/medium.webp",
                     *             "width": 8,
                     *             "height": 8,
                     *             "bytes": 88,
                     *             "format": "webp"
                     *           }
                     *         },
                     *         "dhash": {
                     *           "hash": "ffffffffffffffff"
                     *         }
                     *       },
                     *       "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs",
                     *       "variants": {
                     *         "thumb": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=thumb&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=7coPdZVtwDnp1851jv3dn-nD_gouIYAjtEU8UQfgOJA",
                     *         "medium": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=medium&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=Esvn59zF6QI2hloVpCebsoWQk3UrKF7EZAbHTBJj-4Y"
                     *       },
                     *       "updatedAt": "2026-12-05T15:29:10.440Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ImageDetail"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ImagesByIdSimilar: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example img_01JD7Z8Q6V7N9K3M2X4B5C6D7F */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Near-duplicates, closest first */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: (components["schemas"]["ImageDetail"] & {
                            /** Format: int64 */
                            distance: number;
                        })[];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putV1ProcessorsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example tryOn */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://tryon.example/jobs",
                 *       "config": {
                 *         "model": "v2",
                 *         "background": "studio"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProcessorConfig"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Processor"];
                };
            };
            /** @description Created (the secret is shown once) */
            201: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "tryOn",
                     *       "url": "https://tryon.example/jobs",
                     *       "config": {
                     *         "model": "v2",
                     *         "background": "studio"
                     *       },
                     *       "createdAt": "2026-12-05T15:29:03.950Z",
                     *       "updatedAt": "2026-12-05T15:29:03.950Z",
                     *       "secret": "whsec_Example0secret0shown0once"
                     *     }
                     */
                    "application/json": components["schemas"]["Processor"] & {
                        secret: string;
                    };
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteV1ProcessorsByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example tryOn */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1ProcessorsByNameRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example tryOn */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated (the new secret is shown once) */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "tryOn",
                     *       "url": "https://tryon.example/jobs",
                     *       "config": {
                     *         "model": "v2",
                     *         "background": "studio"
                     *       },
                     *       "createdAt": "2026-12-05T15:29:03.950Z",
                     *       "updatedAt": "2026-12-05T15:29:04.080Z",
                     *       "secret": "whsec_Example0secret0shown0once1"
                     *     }
                     */
                    "application/json": components["schemas"]["ProcessorRotated"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporarily unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Processors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processors */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "name": "tryOn",
                     *           "url": "https://tryon.example/jobs",
                     *           "config": {
                     *             "model": "v2",
                     *             "background": "studio"
                     *           },
                     *           "createdAt": "2026-12-05T15:29:03.950Z",
                     *           "updatedAt": "2026-12-05T15:29:03.950Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: components["schemas"]["Processor"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1Imports: {
        parameters: {
            query?: {
                /** @example upsert */
                mode?: "upsert" | "replace";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
                /**
                 * @example id,title,price,availability,brand
                 *     sku-2001,Rain Jacket,89.00 USD,in stock,Acme
                 *     sku-2002,Beanie,15.00 USD,out of stock,Acme
                 */
                "text/csv": string;
                "text/tab-separated-values": string;
                "application/xml": string;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "job": {
                     *         "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
                     *         "kind": "import",
                     *         "status": "pending",
                     *         "counts": {
                     *           "total": 0,
                     *           "succeeded": 0,
                     *           "failed": 0,
                     *           "created": 0,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "deleted": 0
                     *         },
                     *         "createdAt": "2026-12-05T15:29:11.258Z",
                     *         "startedAt": "2026-12-05T15:29:11.258Z",
                     *         "completedAt": null,
                     *         "durationMs": null
                     *       },
                     *       "import": {
                     *         "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
                     *         "format": "csv",
                     *         "mode": "upsert",
                     *         "status": "pending",
                     *         "bytes": 123,
                     *         "sha256": "23dca58b9b05e30da5b7aa5781448a8eb5c14d9baab5625b6b5885b88260fc21",
                     *         "encoding": null,
                     *         "rows": {
                     *           "total": 0,
                     *           "done": 0,
                     *           "failed": 0
                     *         },
                     *         "progress": 0,
                     *         "rowsPerSecond": 0,
                     *         "note": null,
                     *         "createdAt": "2026-12-05T15:29:11.258Z",
                     *         "completedAt": null
                     *       }
                     *     }
                     */
                    "application/json": {
                        job: components["schemas"]["Job"];
                        import: components["schemas"]["Import"];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ImportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job id
                 * @example job_01JD7Z8Q6V7N9K3M2X4B5C6D7K
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The import */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
                     *       "format": "csv",
                     *       "mode": "upsert",
                     *       "status": "pending",
                     *       "bytes": 123,
                     *       "sha256": "23dca58b9b05e30da5b7aa5781448a8eb5c14d9baab5625b6b5885b88260fc21",
                     *       "encoding": null,
                     *       "rows": {
                     *         "total": 0,
                     *         "done": 0,
                     *         "failed": 0
                     *       },
                     *       "progress": 0,
                     *       "rowsPerSecond": 0,
                     *       "note": null,
                     *       "createdAt": "2026-12-05T15:29:11.258Z",
                     *       "completedAt": null
                     *     }
                     */
                    "application/json": components["schemas"]["Import"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1Stats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures, computed now */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "scope": "tenant",
                     *       "generatedAt": "2026-12-05T17:03:54.938Z",
                     *       "windowHours": 24,
                     *       "products": {
                     *         "total": 3,
                     *         "byStatus": {
                     *           "pending": 0,
                     *           "processing": 0,
                     *           "done": 2,
                     *           "error": 1
                     *         }
                     *       },
                     *       "images": {
                     *         "total": 2,
                     *         "byStatus": {
                     *           "pending": 0,
                     *           "processing": 0,
                     *           "done": 1,
                     *           "error": 1
                     *         }
                     *       },
                     *       "jobs": {
                     *         "byStatus": {
                     *           "pending": 4,
                     *           "processing": 0,
                     *           "completed": 3,
                     *           "failed": 0,
                     *           "partial": 1
                     *         },
                     *         "durationMs": {
                     *           "count": 4,
                     *           "p50": 1131,
                     *           "p95": 3056,
                     *           "p99": 3056,
                     *           "max": 3056
                     *         }
                     *       },
                     *       "queues": [
                     *         {
                     *           "queue": "ingest",
                     *           "pending": 0,
                     *           "due": 0,
                     *           "oldestDueAt": null,
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "deliveries",
                     *           "pending": 9,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.726Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "imports",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.838Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "inbound",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.790Z",
                     *           "lagSeconds": 0
                     *         },
                     *         {
                     *           "queue": "events",
                     *           "pending": 1,
                     *           "due": 1,
                     *           "oldestDueAt": "2026-12-05T17:03:54.674Z",
                     *           "lagSeconds": 0
                     *         }
                     *       ],
                     *       "deliveries": {
                     *         "attempts": 9,
                     *         "succeeded": 0,
                     *         "successRate": 0,
                     *         "latencyMs": {
                     *           "count": 9,
                     *           "p50": 0,
                     *           "p95": 1,
                     *           "p99": 1,
                     *           "max": 1
                     *         },
                     *         "endpoints": [
                     *           {
                     *             "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
                     *             "url": "https://receiver.example/webhooks",
                     *             "enabled": true,
                     *             "disabledReason": null,
                     *             "attempts": 9,
                     *             "succeeded": 0,
                     *             "successRate": 0,
                     *             "latencyMs": {
                     *               "count": 9,
                     *               "p50": 0,
                     *               "p95": 1,
                     *               "p99": 1,
                     *               "max": 1
                     *             }
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Stats"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ProductsByIdSimilar: {
        parameters: {
            query?: {
                /** @example 10 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the stored top-K list, best first */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "productId": "380145e972ee",
                     *       "list": "similar",
                     *       "status": "off",
                     *       "data": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationPage"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ProductsByIdComplementary: {
        parameters: {
            query?: {
                /** @example 10 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the stored top-K list, best first */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "productId": "380145e972ee",
                     *       "list": "complementary",
                     *       "status": "off",
                     *       "data": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationPage"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1ProductsByIdVariants: {
        parameters: {
            query?: {
                /** @example 10 */
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example 380145e972ee */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of variants, by number */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "productId": "380145e972ee",
                     *       "data": [],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        productId: string;
                        data: {
                            id: string;
                            /** Format: int64 */
                            number: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (also for another tenant's resources) */
            404: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getV1RecommendationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "branches": [
                     *         {
                     *           "name": "shoes",
                     *           "match": [
                     *             "shoes",
                     *             "footwear",
                     *             "sneakers",
                     *             "boots",
                     *             "sandals",
                     *             "calçados",
                     *             "sapatos",
                     *             "tênis"
                     *           ]
                     *         },
                     *         {
                     *           "name": "accessories",
                     *           "match": [
                     *             "accessories",
                     *             "bags",
                     *             "hats",
                     *             "belts",
                     *             "jewelry",
                     *             "acessórios",
                     *             "bolsas"
                     *           ]
                     *         },
                     *         {
                     *           "name": "bottoms",
                     *           "match": [
                     *             "bottoms",
                     *             "pants",
                     *             "trousers",
                     *             "jeans",
                     *             "skirts",
                     *             "shorts",
                     *             "calças",
                     *             "saias"
                     *           ]
                     *         },
                     *         {
                     *           "name": "tops",
                     *           "match": [
                     *             "tops",
                     *             "shirts",
                     *             "t-shirts",
                     *             "blouses",
                     *             "sweaters",
                     *             "jackets",
                     *             "camisetas",
                     *             "blusas"
                     *           ]
                     *         }
                     *       ],
                     *       "complements": {
                     *         "tops": [
                     *           "bottoms",
                     *           "shoes",
                     *           "accessories"
                     *         ],
                     *         "bottoms": [
                     *           "tops",
                     *           "shoes",
                     *           "accessories"
                     *         ],
                     *         "shoes": [
                     *           "tops",
                     *           "bottoms",
                     *           "accessories"
                     *         ],
                     *         "accessories": [
                     *           "tops",
                     *           "bottoms",
                     *           "shoes"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationRules"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putV1RecommendationRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "branches": [
                 *         {
                 *           "name": "tops",
                 *           "match": [
                 *             "tops",
                 *             "shirts",
                 *             "t-shirts"
                 *           ]
                 *         },
                 *         {
                 *           "name": "bottoms",
                 *           "match": [
                 *             "bottoms",
                 *             "pants",
                 *             "jeans"
                 *           ]
                 *         },
                 *         {
                 *           "name": "shoes",
                 *           "match": [
                 *             "shoes",
                 *             "sneakers"
                 *           ]
                 *         }
                 *       ],
                 *       "complements": {
                 *         "tops": [
                 *           "bottoms",
                 *           "shoes"
                 *         ],
                 *         "bottoms": [
                 *           "tops",
                 *           "shoes"
                 *         ],
                 *         "shoes": [
                 *           "tops",
                 *           "bottoms"
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["RecommendationRules"];
            };
        };
        responses: {
            /** @description The rules as stored */
            200: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "branches": [
                     *         {
                     *           "name": "tops",
                     *           "match": [
                     *             "tops",
                     *             "shirts",
                     *             "t-shirts"
                     *           ]
                     *         },
                     *         {
                     *           "name": "bottoms",
                     *           "match": [
                     *             "bottoms",
                     *             "pants",
                     *             "jeans"
                     *           ]
                     *         },
                     *         {
                     *           "name": "shoes",
                     *           "match": [
                     *             "shoes",
                     *             "sneakers"
                     *           ]
                     *         }
                     *       ],
                     *       "complements": {
                     *         "tops": [
                     *           "bottoms",
                     *           "shoes"
                     *         ],
                     *         "bottoms": [
                     *           "tops",
                     *           "shoes"
                     *         ],
                     *         "shoes": [
                     *           "tops",
                     *           "bottoms"
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RecommendationRules"];
                };
            };
            /** @description The body is not parseable */
            400: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong content type */
            415: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names each field by JSON Pointer */
            422: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postV1RecommendationsRebuild: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7M"
                     *     }
                     */
                    "application/json": {
                        jobId: string;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    /** @description The quota of this API key (or client IP) as draft-ietf-httpapi-ratelimit-headers writes it, e.g. `"per-key";q=600;w=60` */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
