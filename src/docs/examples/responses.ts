/**
 * What the server answers to the examples in requests.ts, per operation and status. Captured from
 * real answers (ids replaced by the shared example ids); the contract test checks each still matches
 * its schema and that a real answer has the same shape.
 */
export const responses: Record<string, Record<number, unknown>> = {
  "POST /v1/admin/tenants": {
    "201": {
      "tenant": {
        "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
        "name": "Acme",
        "aliases": [
          "acme"
        ],
        "defaultCurrency": "USD",
        "defaultLocale": "en-US",
        "plan": "standard",
        "createdAt": "2026-12-05T17:03:50.635Z",
        "updatedAt": "2026-12-05T17:03:50.635Z",
        "recommend": "none",
        "shard": 0,
        "epoch": 1,
        "placementState": "active"
      },
      "apiKey": {
        "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
        "name": "default",
        "prefix": "ssk_Y-2LlENN",
        "createdAt": "2026-12-05T17:03:50.635Z",
        "lastUsedAt": null,
        "revokedAt": null,
        "scopes": [
          "*"
        ],
        "expiresAt": null,
        "key": "ssk_Example0secret0shown0once"
      }
    }
  },
  "GET /v1/admin/tenants/{id}": {
    "200": {
      "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "Acme",
      "aliases": [
        "acme"
      ],
      "defaultCurrency": "USD",
      "defaultLocale": "en-US",
      "plan": "standard",
      "createdAt": "2026-12-05T17:03:50.635Z",
      "updatedAt": "2026-12-05T17:03:50.635Z",
      "recommend": "none",
      "shard": 0,
      "epoch": 1,
      "placementState": "active"
    }
  },
  "PATCH /v1/admin/tenants/{id}": {
    "200": {
      "id": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "Acme Inc.",
      "aliases": [
        "acme",
        "acme-eu"
      ],
      "defaultCurrency": "USD",
      "defaultLocale": "en-US",
      "plan": "standard",
      "createdAt": "2026-12-05T17:03:50.635Z",
      "updatedAt": "2026-12-05T17:03:50.781Z",
      "recommend": "none",
      "shard": 0,
      "epoch": 1,
      "placementState": "active"
    }
  },
  "POST /v1/admin/tenants/{id}/keys": {
    "201": {
      "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
      "name": "ERP sync",
      "prefix": "ssk_3cO6Lb2V",
      "createdAt": "2026-12-05T17:03:50.813Z",
      "lastUsedAt": null,
      "revokedAt": null,
      "scopes": [
        "*"
      ],
      "expiresAt": null,
      "key": "ssk_Example0secret0shown0once1"
    }
  },
  "GET /v1/admin/tenants/{id}/keys": {
    "200": {
      "data": [
        {
          "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "name": "default",
          "prefix": "ssk_Y-2LlENN",
          "createdAt": "2026-12-05T17:03:50.635Z",
          "lastUsedAt": null,
          "revokedAt": null,
          "scopes": [
            "*"
          ],
          "expiresAt": null
        },
        {
          "id": "key_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "name": "ERP sync",
          "prefix": "ssk_3cO6Lb2V",
          "createdAt": "2026-12-05T17:03:50.813Z",
          "lastUsedAt": null,
          "revokedAt": null,
          "scopes": [
            "*"
          ],
          "expiresAt": null
        }
      ]
    }
  },
  "PUT /v1/processors/{name}": {
    "201": {
      "name": "tryOn",
      "url": "https://tryon.example/jobs",
      "config": {
        "model": "v2",
        "background": "studio"
      },
      "createdAt": "2026-12-05T15:29:03.950Z",
      "updatedAt": "2026-12-05T15:29:03.950Z",
      "secret": "whsec_Example0secret0shown0once"
    }
  },
  "GET /v1/processors": {
    "200": {
      "data": [
        {
          "name": "tryOn",
          "url": "https://tryon.example/jobs",
          "config": {
            "model": "v2",
            "background": "studio"
          },
          "createdAt": "2026-12-05T15:29:03.950Z",
          "updatedAt": "2026-12-05T15:29:03.950Z"
        }
      ],
      "nextCursor": null
    }
  },
  "POST /v1/processors/{name}/rotate-secret": {
    "200": {
      "name": "tryOn",
      "url": "https://tryon.example/jobs",
      "config": {
        "model": "v2",
        "background": "studio"
      },
      "createdAt": "2026-12-05T15:29:03.950Z",
      "updatedAt": "2026-12-05T15:29:04.080Z",
      "secret": "whsec_Example0secret0shown0once1"
    }
  },
  "POST /v1/processor-callbacks/{tenantId}/{name}": {
    "200": {
      "received": true,
      "images": 0
    }
  },
  "POST /v1/webhooks": {
    "201": {
      "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "url": "https://receiver.example/webhooks",
      "eventTypes": [
        "product.*",
        "image.failed"
      ],
      "headerNames": [
        "Authorization"
      ],
      "enabled": true,
      "disabledReason": null,
      "format": "standard",
      "failingSince": null,
      "createdAt": "2026-12-05T15:29:04.205Z",
      "updatedAt": "2026-12-05T15:29:04.205Z",
      "secret": "whsec_Example0secret0shown0once2",
      "expiresAt": null
    }
  },
  "GET /v1/webhooks": {
    "200": {
      "data": [
        {
          "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "url": "https://receiver.example/webhooks",
          "eventTypes": [
            "product.*",
            "image.failed"
          ],
          "headerNames": [
            "Authorization"
          ],
          "enabled": true,
          "disabledReason": null,
          "format": "standard",
          "failingSince": null,
          "createdAt": "2026-12-05T15:29:04.205Z",
          "updatedAt": "2026-12-05T15:29:04.205Z",
          "expiresAt": null
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/webhooks/{id}": {
    "200": {
      "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "url": "https://receiver.example/webhooks",
      "eventTypes": [
        "product.*",
        "image.failed"
      ],
      "headerNames": [
        "Authorization"
      ],
      "enabled": true,
      "disabledReason": null,
      "format": "standard",
      "failingSince": null,
      "createdAt": "2026-12-05T15:29:04.205Z",
      "updatedAt": "2026-12-05T15:29:04.205Z",
      "expiresAt": null
    }
  },
  "PATCH /v1/webhooks/{id}": {
    "200": {
      "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "url": "https://receiver.example/webhooks",
      "eventTypes": [
        "product.*",
        "image.*"
      ],
      "headerNames": [
        "Authorization"
      ],
      "enabled": true,
      "disabledReason": null,
      "format": "standard",
      "failingSince": null,
      "createdAt": "2026-12-05T15:29:04.205Z",
      "updatedAt": "2026-12-05T15:29:04.358Z",
      "expiresAt": null
    }
  },
  "POST /v1/webhooks/{id}/rotate-secret": {
    "200": {
      "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "url": "https://receiver.example/webhooks",
      "eventTypes": [
        "product.*",
        "image.*"
      ],
      "headerNames": [
        "Authorization"
      ],
      "enabled": true,
      "disabledReason": null,
      "format": "standard",
      "failingSince": null,
      "createdAt": "2026-12-05T15:29:04.205Z",
      "updatedAt": "2026-12-05T15:29:04.434Z",
      "secret": "whsec_Example0secret0shown0once3",
      "expiresAt": null
    }
  },
  "PUT /v1/products/{id}": {
    "201": {
      "id": "380145e972ee",
      "number": 1,
      "version": 1,
      "status": "pending",
      "createdAt": "2026-12-05T15:29:04.501Z",
      "updatedAt": "2026-12-05T15:29:04.501Z",
      "expiresAt": null,
      "active": true,
      "ageGroup": "adult",
      "attributes": [
        {
          "group": "Dimensions",
          "name": "Width",
          "order": 1,
          "unit": "cm",
          "value": "30"
        }
      ],
      "brand": "Sizebay",
      "color": "White",
      "description": "100% cotton",
      "gender": "unisex",
      "gtin": "00012345678905",
      "images": [
        {
          "id": "front",
          "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "source": {
            "url": "https://cdn.example/front.jpg"
          },
          "pipelines": {
            "tryOn": true
          },
          "classifications": null,
          "status": "pending",
          "error": null,
          "sha256": null,
          "width": null,
          "height": null,
          "url": null
        }
      ],
      "itemGroupId": "edb1e435d172",
      "localizations": {
        "en-US": {
          "availability": "in stock",
          "link": "https://shop.example/us/p/380145e972ee",
          "title": "Classic White T-Shirt"
        },
        "pt-BR": {
          "availability": "in stock",
          "link": "https://shop.example/br/p/380145e972ee",
          "title": "Camiseta Branca"
        }
      },
      "metadata": {
        "season": "SS25"
      },
      "productType": "KIDS > MALE > BOTTOMS",
      "quantity": 50,
      "sizeSystem": "BR",
      "sizes": [
        "XS",
        "S",
        "M",
        "L",
        "XL"
      ],
      "title": "Classic White T-Shirt",
      "validForDays": null,
      "prices": {
        "JPY": {
          "amount": "3900",
          "amountMicros": "3900000000"
        },
        "USD": {
          "amount": "25.00",
          "amountMicros": "25000000",
          "sale": {
            "amount": "19.99",
            "amountMicros": "19990000",
            "end": "2024-06-20T23:59:59.000Z",
            "start": "2024-06-10T00:00:00.000Z"
          }
        }
      }
    }
  },
  "PATCH /v1/products/{id}": {
    "200": {
      "id": "380145e972ee",
      "number": 1,
      "version": 2,
      "status": "pending",
      "createdAt": "2026-12-05T15:29:04.501Z",
      "updatedAt": "2026-12-05T15:29:04.623Z",
      "expiresAt": null,
      "active": true,
      "ageGroup": "adult",
      "attributes": [
        {
          "group": "Dimensions",
          "name": "Width",
          "order": 1,
          "unit": "cm",
          "value": "30"
        }
      ],
      "brand": "Sizebay",
      "description": "100% cotton",
      "gender": "unisex",
      "gtin": "00012345678905",
      "images": [
        {
          "id": "front",
          "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "source": {
            "url": "https://cdn.example/front.jpg"
          },
          "pipelines": {
            "tryOn": true
          },
          "classifications": null,
          "status": "pending",
          "error": null,
          "sha256": null,
          "width": null,
          "height": null,
          "url": null
        }
      ],
      "itemGroupId": "edb1e435d172",
      "localizations": {
        "en-US": {
          "availability": "in stock",
          "link": "https://shop.example/us/p/380145e972ee",
          "title": "Classic White T-Shirt"
        },
        "pt-BR": {
          "availability": "in stock",
          "link": "https://shop.example/br/p/380145e972ee",
          "title": "Camiseta Branca"
        }
      },
      "metadata": {
        "season": "SS25"
      },
      "productType": "KIDS > MALE > BOTTOMS",
      "quantity": 42,
      "sizeSystem": "BR",
      "sizes": [
        "XS",
        "S",
        "M",
        "L",
        "XL"
      ],
      "title": "Classic White T-Shirt",
      "validForDays": null,
      "prices": {
        "JPY": {
          "amount": "3900",
          "amountMicros": "3900000000"
        },
        "USD": {
          "amount": "25.00",
          "amountMicros": "25000000",
          "sale": {
            "amount": "19.99",
            "amountMicros": "19990000",
            "end": "2024-06-20T23:59:59.000Z",
            "start": "2024-06-10T00:00:00.000Z"
          }
        }
      }
    }
  },
  "GET /v1/products/{id}": {
    "200": {
      "id": "380145e972ee",
      "number": 1,
      "version": 2,
      "status": "pending",
      "createdAt": "2026-12-05T15:29:04.501Z",
      "updatedAt": "2026-12-05T15:29:04.623Z",
      "expiresAt": null,
      "active": true,
      "ageGroup": "adult",
      "attributes": [
        {
          "group": "Dimensions",
          "name": "Width",
          "order": 1,
          "unit": "cm",
          "value": "30"
        }
      ],
      "brand": "Sizebay",
      "description": "100% cotton",
      "gender": "unisex",
      "gtin": "00012345678905",
      "images": [
        {
          "id": "front",
          "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "source": {
            "url": "https://cdn.example/front.jpg"
          },
          "pipelines": {
            "tryOn": true
          },
          "classifications": null,
          "status": "pending",
          "error": null,
          "sha256": null,
          "width": null,
          "height": null,
          "url": null
        }
      ],
      "itemGroupId": "edb1e435d172",
      "localizations": {
        "en-US": {
          "availability": "in stock",
          "link": "https://shop.example/us/p/380145e972ee",
          "title": "Classic White T-Shirt"
        },
        "pt-BR": {
          "availability": "in stock",
          "link": "https://shop.example/br/p/380145e972ee",
          "title": "Camiseta Branca"
        }
      },
      "metadata": {
        "season": "SS25"
      },
      "productType": "KIDS > MALE > BOTTOMS",
      "quantity": 42,
      "sizeSystem": "BR",
      "sizes": [
        "XS",
        "S",
        "M",
        "L",
        "XL"
      ],
      "title": "Classic White T-Shirt",
      "validForDays": null,
      "prices": {
        "JPY": {
          "amount": "3900",
          "amountMicros": "3900000000"
        },
        "USD": {
          "amount": "25.00",
          "amountMicros": "25000000",
          "sale": {
            "amount": "19.99",
            "amountMicros": "19990000",
            "end": "2024-06-20T23:59:59.000Z",
            "start": "2024-06-10T00:00:00.000Z"
          }
        }
      }
    }
  },
  "POST /v1/products": {
    "201": {
      "id": "edb1e435d172",
      "number": 2,
      "version": 1,
      "status": "pending",
      "createdAt": "2026-12-05T15:29:04.818Z",
      "updatedAt": "2026-12-05T15:29:04.818Z",
      "expiresAt": null,
      "brand": "Acme",
      "images": [
        {
          "id": "front",
          "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "source": {
            "fileName": "front.png",
            "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
          },
          "pipelines": {},
          "classifications": null,
          "status": "pending",
          "error": null,
          "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
          "width": null,
          "height": null,
          "url": null
        }
      ],
      "title": "Linen Shirt",
      "prices": {
        "EUR": {
          "amount": "49.90",
          "amountMicros": "49900000"
        }
      }
    }
  },
  "POST /v1/products/batch": {
    "200": {
      "job": {
        "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
        "kind": "products.batch",
        "status": "partial",
        "counts": {
          "total": 2,
          "succeeded": 1,
          "failed": 1,
          "created": 1,
          "updated": 0,
          "unchanged": 0,
          "deleted": 0
        },
        "createdAt": "2026-12-05T15:29:04.869Z",
        "startedAt": "2026-12-05T15:29:04.869Z",
        "completedAt": "2026-12-05T15:29:04.869Z",
        "durationMs": 0
      },
      "results": [
        {
          "index": 0,
          "id": "sku-1001",
          "ok": true,
          "status": "created",
          "number": 3,
          "version": 1
        },
        {
          "index": 1,
          "id": "sku-1002",
          "ok": false,
          "status": "failed",
          "error": {
            "code": "validation_failed",
            "errors": [
              {
                "path": "/gtin",
                "message": "Must be a GTIN-8/12/13/14 with a valid check digit"
              }
            ]
          }
        }
      ]
    }
  },
  "GET /v1/jobs/{id}": {
    "200": {
      "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "kind": "products.batch",
      "status": "partial",
      "counts": {
        "total": 2,
        "succeeded": 1,
        "failed": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "deleted": 0
      },
      "createdAt": "2026-12-05T15:29:04.869Z",
      "startedAt": "2026-12-05T15:29:04.869Z",
      "completedAt": "2026-12-05T15:29:04.869Z",
      "durationMs": 0
    }
  },
  "GET /v1/jobs": {
    "200": {
      "data": [
        {
          "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "kind": "products.batch",
          "status": "partial",
          "counts": {
            "total": 2,
            "succeeded": 1,
            "failed": 1,
            "created": 1,
            "updated": 0,
            "unchanged": 0,
            "deleted": 0
          },
          "createdAt": "2026-12-05T15:29:04.869Z",
          "startedAt": "2026-12-05T15:29:04.869Z",
          "completedAt": "2026-12-05T15:29:04.869Z",
          "durationMs": 0
        },
        {
          "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "kind": "products.post",
          "status": "processing",
          "counts": {
            "total": 1,
            "succeeded": 1,
            "failed": 0,
            "created": 1,
            "updated": 0,
            "unchanged": 0,
            "deleted": 0
          },
          "createdAt": "2026-12-05T15:29:04.818Z",
          "startedAt": "2026-12-05T15:29:04.818Z",
          "completedAt": null,
          "durationMs": null
        },
        {
          "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
          "kind": "products.patch",
          "status": "processing",
          "counts": {
            "total": 1,
            "succeeded": 1,
            "failed": 0,
            "created": 0,
            "updated": 1,
            "unchanged": 0,
            "deleted": 0
          },
          "createdAt": "2026-12-05T15:29:04.623Z",
          "startedAt": "2026-12-05T15:29:04.623Z",
          "completedAt": null,
          "durationMs": null
        },
        {
          "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7H",
          "kind": "products.put",
          "status": "processing",
          "counts": {
            "total": 1,
            "succeeded": 1,
            "failed": 0,
            "created": 1,
            "updated": 0,
            "unchanged": 0,
            "deleted": 0
          },
          "createdAt": "2026-12-05T15:29:04.501Z",
          "startedAt": "2026-12-05T15:29:04.501Z",
          "completedAt": null,
          "durationMs": null
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/jobs/{id}/errors": {
    "200": {
      "data": [
        {
          "index": 1,
          "itemId": "sku-1002",
          "line": null,
          "code": "validation_failed",
          "errors": [
            {
              "path": "/gtin",
              "message": "Must be a GTIN-8/12/13/14 with a valid check digit"
            }
          ]
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/events": {
    "200": {
      "data": [
        {
          "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "seq": 1,
          "type": "product.created",
          "timestamp": "2026-12-05T15:29:04.501Z",
          "data": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 1
          }
        },
        {
          "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "seq": 2,
          "type": "product.updated",
          "timestamp": "2026-12-05T15:29:04.623Z",
          "data": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 2
          }
        },
        {
          "id": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
          "seq": 3,
          "type": "product.created",
          "timestamp": "2026-12-05T15:29:04.818Z",
          "data": {
            "productId": "edb1e435d172",
            "number": 2,
            "version": 1
          }
        }
      ],
      "nextCursor": "3"
    }
  },
  "GET /v1/products/{id}/images": {
    "200": {
      "data": [
        {
          "id": "front",
          "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "productId": "edb1e435d172",
          "source": {
            "fileName": "front.png",
            "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
          },
          "pipelines": {},
          "classifications": null,
          "status": "done",
          "error": null,
          "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
          "width": 8,
          "height": 8,
          "format": "png",
          "bytes": 163,
          "attempts": 1,
          "dhash": "ffffffffffffffff",
          "results": {
            "derivatives": {
              "thumb": {
                "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/thumb.webp",
                "width": 8,
                "height": 8,
                "bytes": 88,
                "format": "webp"
              },
              "medium": {
                "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/medium.webp",
                "width": 8,
                "height": 8,
                "bytes": 88,
                "format": "webp"
              }
            },
            "dhash": {
              "hash": "ffffffffffffffff"
            }
          },
          "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs",
          "variants": {
            "thumb": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=thumb&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=7coPdZVtwDnp1851jv3dn-nD_gouIYAjtEU8UQfgOJA",
            "medium": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=medium&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=Esvn59zF6QI2hloVpCebsoWQk3UrKF7EZAbHTBJj-4Y"
          },
          "updatedAt": "2026-12-05T15:29:10.440Z"
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/images/{id}": {
    "200": {
      "id": "front",
      "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
      "productId": "edb1e435d172",
      "source": {
        "fileName": "front.png",
        "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
      },
      "pipelines": {},
      "classifications": null,
      "status": "done",
      "error": null,
      "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
      "width": 8,
      "height": 8,
      "format": "png",
      "bytes": 163,
      "attempts": 1,
      "dhash": "ffffffffffffffff",
      "results": {
        "derivatives": {
          "thumb": {
            "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/thumb.webp",
            "width": 8,
            "height": 8,
            "bytes": 88,
            "format": "webp"
          },
          "medium": {
            "key": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E/e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495/medium.webp",
            "width": 8,
            "height": 8,
            "bytes": 88,
            "format": "webp"
          }
        },
        "dhash": {
          "hash": "ffffffffffffffff"
        }
      },
      "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs",
      "variants": {
        "thumb": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=thumb&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=7coPdZVtwDnp1851jv3dn-nD_gouIYAjtEU8UQfgOJA",
        "medium": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?variant=medium&v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=Esvn59zF6QI2hloVpCebsoWQk3UrKF7EZAbHTBJj-4Y"
      },
      "updatedAt": "2026-12-05T15:29:10.440Z"
    }
  },
  "GET /v1/images/{id}/similar": {
    "200": {
      "data": [],
      "nextCursor": null
    }
  },
  "GET /v1/products": {
    "200": {
      "data": [
        {
          "id": "edb1e435d172",
          "number": 2,
          "version": 1,
          "status": "done",
          "createdAt": "2026-12-05T15:29:04.818Z",
          "updatedAt": "2026-12-05T15:29:04.818Z",
          "expiresAt": null,
          "brand": "Acme",
          "images": [
            {
              "id": "front",
              "imageId": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
              "source": {
                "fileName": "front.png",
                "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495"
              },
              "pipelines": {},
              "classifications": null,
              "status": "done",
              "error": null,
              "sha256": "e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495",
              "width": 8,
              "height": 8,
              "url": "http://127.0.0.1:8787/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7F/content?v=e0dd220fecc7ccf7c66d72e840a948b97aba0e523fbbf97b110a588f544d0495&exp=1797120000&sig=MYBurDWOML8fFDbX87ME-5F3Y3VIBIpPd4VHsXXBoWs"
            }
          ],
          "title": "Linen Shirt",
          "prices": {
            "EUR": {
              "amount": "49.90",
              "amountMicros": "49900000"
            }
          }
        },
        {
          "id": "sku-1001",
          "number": 3,
          "version": 1,
          "status": "done",
          "createdAt": "2026-12-05T15:29:04.869Z",
          "updatedAt": "2026-12-05T15:29:04.869Z",
          "expiresAt": null,
          "sizes": [
            "40",
            "41",
            "42"
          ],
          "title": "Canvas Sneaker",
          "prices": {
            "USD": {
              "amount": "59.00",
              "amountMicros": "59000000"
            }
          },
          "images": []
        }
      ],
      "nextCursor": null
    }
  },
  "POST /v1/webhooks/{id}/test": {
    "202": {
      "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7H"
    }
  },
  "GET /v1/webhooks/{id}/deliveries": {
    "200": {
      "data": [
        {
          "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7J",
          "eventType": "product.created",
          "status": "retrying",
          "attemptCount": 1,
          "nextAttemptAt": "2026-12-05T15:29:10.155Z",
          "createdAt": "2026-12-05T15:29:05.099Z",
          "attempts": [
            {
              "attemptedAt": "2026-12-05T15:29:05.125Z",
              "statusCode": null,
              "latencyMs": 1,
              "responseBody": null,
              "error": "connection refused by receiver.example"
            }
          ]
        },
        {
          "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
          "eventType": "product.created",
          "status": "retrying",
          "attemptCount": 1,
          "nextAttemptAt": "2026-12-05T15:29:10.456Z",
          "createdAt": "2026-12-05T15:29:05.099Z",
          "attempts": [
            {
              "attemptedAt": "2026-12-05T15:29:05.125Z",
              "statusCode": null,
              "latencyMs": 1,
              "responseBody": null,
              "error": "connection refused by receiver.example"
            }
          ]
        },
        {
          "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7G",
          "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7F",
          "eventType": "product.updated",
          "status": "retrying",
          "attemptCount": 2,
          "nextAttemptAt": "2026-12-05T15:34:03.356Z",
          "createdAt": "2026-12-05T15:29:05.099Z",
          "attempts": [
            {
              "attemptedAt": "2026-12-05T15:29:05.125Z",
              "statusCode": null,
              "latencyMs": 0,
              "responseBody": null,
              "error": "connection refused by receiver.example"
            },
            {
              "attemptedAt": "2026-12-05T15:29:10.470Z",
              "statusCode": null,
              "latencyMs": 1,
              "responseBody": null,
              "error": "connection refused by receiver.example"
            }
          ]
        },
        {
          "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7H",
          "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "eventId": "evt_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "eventType": "product.created",
          "status": "retrying",
          "attemptCount": 1,
          "nextAttemptAt": "2026-12-05T15:29:10.496Z",
          "createdAt": "2026-12-05T15:29:05.099Z",
          "attempts": [
            {
              "attemptedAt": "2026-12-05T15:29:05.125Z",
              "statusCode": null,
              "latencyMs": 0,
              "responseBody": null,
              "error": "connection refused by receiver.example"
            }
          ]
        }
      ],
      "nextCursor": null
    }
  },
  "POST /v1/deliveries/{id}/redeliver": {
    "202": {
      "id": "dlv_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "status": "pending"
    }
  },
  "POST /v1/webhooks/{id}/recover": {
    "202": {
      "requeued": 0
    }
  },
  "POST /v1/inbound-sources": {
    "201": {
      "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "ERP",
      "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "secretEnv": null,
      "secretEncoding": "utf8",
      "signatureHeader": "x-signature",
      "signatureEncoding": "base64",
      "signaturePrefix": "",
      "signedPayload": "{body}",
      "timestampHeader": null,
      "toleranceSeconds": 300,
      "eventIdHeader": null,
      "format": "canonical",
      "createdAt": "2026-12-05T15:29:10.949Z",
      "updatedAt": "2026-12-05T15:29:10.949Z",
      "secret": null
    }
  },
  "GET /v1/inbound-sources": {
    "200": {
      "data": [
        {
          "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "name": "ERP",
          "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "secretEnv": null,
          "secretEncoding": "utf8",
          "signatureHeader": "x-signature",
          "signatureEncoding": "base64",
          "signaturePrefix": "",
          "signedPayload": "{body}",
          "timestampHeader": null,
          "toleranceSeconds": 300,
          "eventIdHeader": null,
          "format": "canonical",
          "createdAt": "2026-12-05T15:29:10.949Z",
          "updatedAt": "2026-12-05T15:29:10.949Z"
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/inbound-sources/{id}": {
    "200": {
      "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "ERP",
      "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "secretEnv": null,
      "secretEncoding": "utf8",
      "signatureHeader": "x-signature",
      "signatureEncoding": "base64",
      "signaturePrefix": "",
      "signedPayload": "{body}",
      "timestampHeader": null,
      "toleranceSeconds": 300,
      "eventIdHeader": null,
      "format": "canonical",
      "createdAt": "2026-12-05T15:29:10.949Z",
      "updatedAt": "2026-12-05T15:29:10.949Z"
    }
  },
  "PATCH /v1/inbound-sources/{id}": {
    "200": {
      "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "ERP (production)",
      "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "secretEnv": null,
      "secretEncoding": "utf8",
      "signatureHeader": "x-signature",
      "signatureEncoding": "base64",
      "signaturePrefix": "",
      "signedPayload": "{body}",
      "timestampHeader": null,
      "toleranceSeconds": 300,
      "eventIdHeader": null,
      "format": "canonical",
      "createdAt": "2026-12-05T15:29:10.949Z",
      "updatedAt": "2026-12-05T15:29:11.103Z"
    }
  },
  "POST /v1/inbound/{id}": {
    "202": {
      "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7J",
      "status": "pending",
      "duplicate": false
    }
  },
  "POST /v1/inbound-sources/{id}/rotate-secret": {
    "200": {
      "id": "src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "name": "ERP (production)",
      "url": "/v1/inbound/src_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "secretEnv": null,
      "secretEncoding": "utf8",
      "signatureHeader": "x-signature",
      "signatureEncoding": "base64",
      "signaturePrefix": "",
      "signedPayload": "{body}",
      "timestampHeader": null,
      "toleranceSeconds": 300,
      "eventIdHeader": null,
      "format": "canonical",
      "createdAt": "2026-12-05T15:29:10.949Z",
      "updatedAt": "2026-12-05T15:29:11.218Z",
      "secret": "CZVQYOCv6NTjnLt82IS6UB5DHjUNwTmJaI20W6ihlZ8"
    }
  },
  "POST /v1/imports": {
    "202": {
      "job": {
        "id": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
        "kind": "import",
        "status": "pending",
        "counts": {
          "total": 0,
          "succeeded": 0,
          "failed": 0,
          "created": 0,
          "updated": 0,
          "unchanged": 0,
          "deleted": 0
        },
        "createdAt": "2026-12-05T15:29:11.258Z",
        "startedAt": "2026-12-05T15:29:11.258Z",
        "completedAt": null,
        "durationMs": null
      },
      "import": {
        "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
        "format": "csv",
        "mode": "upsert",
        "status": "pending",
        "bytes": 123,
        "sha256": "23dca58b9b05e30da5b7aa5781448a8eb5c14d9baab5625b6b5885b88260fc21",
        "encoding": null,
        "rows": {
          "total": 0,
          "done": 0,
          "failed": 0
        },
        "progress": 0,
        "rowsPerSecond": 0,
        "note": null,
        "createdAt": "2026-12-05T15:29:11.258Z",
        "completedAt": null
      }
    }
  },
  "GET /v1/imports/{id}": {
    "200": {
      "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
      "format": "csv",
      "mode": "upsert",
      "status": "pending",
      "bytes": 123,
      "sha256": "23dca58b9b05e30da5b7aa5781448a8eb5c14d9baab5625b6b5885b88260fc21",
      "encoding": null,
      "rows": {
        "total": 0,
        "done": 0,
        "failed": 0
      },
      "progress": 0,
      "rowsPerSecond": 0,
      "note": null,
      "createdAt": "2026-12-05T15:29:11.258Z",
      "completedAt": null
    }
  },
  "GET /v1/event-types": {
    "200": {
      "data": [
        {
          "name": "product.created",
          "description": "A product was written for the first time (version 1)",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "number": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "version": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              }
            },
            "required": [
              "productId",
              "number",
              "version"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 1
          }
        },
        {
          "name": "product.updated",
          "description": "A write changed a product (a write that changes nothing emits no event), or a rename",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "number": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "version": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              }
            },
            "required": [
              "productId",
              "number",
              "version"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 2
          }
        },
        {
          "name": "product.deleted",
          "description": "A product was deleted by a request, expired (validForDays), or left out of a replace import",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "number": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "version": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "reason": {
                "type": "string",
                "enum": [
                  "deleted",
                  "expired",
                  "replaced"
                ]
              },
              "jobId": {
                "type": "string"
              }
            },
            "required": [
              "productId",
              "number",
              "version",
              "reason"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 2,
            "reason": "deleted"
          }
        },
        {
          "name": "product.processed",
          "description": "A write's image work settled: once per processing round",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "number": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "version": {
                "type": "integer",
                "minimum": 1,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "status": {
                "type": "string",
                "enum": [
                  "done",
                  "error"
                ]
              },
              "jobId": {
                "type": "string"
              },
              "failedImages": {
                "type": "integer",
                "minimum": 0,
                "maximum": 9007199254740991,
                "format": "int64"
              },
              "firstError": {
                "type": [
                  "string",
                  "null"
                ]
              }
            },
            "required": [
              "productId",
              "number",
              "version",
              "status",
              "jobId",
              "failedImages",
              "firstError"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "number": 1,
            "version": 2,
            "status": "done",
            "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "failedImages": 0,
            "firstError": null
          }
        },
        {
          "name": "image.processed",
          "description": "An image was fetched or received, probed, stored and processed by every pipeline it asked for",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "imageId": {
                "type": "string"
              },
              "id": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "const": "done"
              },
              "url": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "outputs": {
                "type": "object",
                "propertyNames": {
                  "type": "string"
                },
                "additionalProperties": {
                  "type": "string"
                }
              }
            },
            "required": [
              "productId",
              "imageId",
              "id",
              "status"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "imageId": "front",
            "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "status": "done",
            "url": "https://api.shelfsync.example/v1/images/img_01JD7Z8Q6V7N9K3M2X4B5C6D7E/content?v=9f86&exp=1797120000&sig=x",
            "outputs": {
              "tryOn": "https://tryon.example/out/1.png"
            }
          }
        },
        {
          "name": "image.failed",
          "description": "An image ended `error`: unreachable, not an image, over a limit, or a pipeline failed",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "productId": {
                "type": "string"
              },
              "imageId": {
                "type": "string"
              },
              "id": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "const": "error"
              },
              "error": {
                "type": "string"
              }
            },
            "required": [
              "productId",
              "imageId",
              "id",
              "status",
              "error"
            ],
            "additionalProperties": false
          },
          "example": {
            "productId": "380145e972ee",
            "imageId": "front",
            "id": "img_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "status": "error",
            "error": "The image is 12582912 bytes; the limit is 10485760"
          }
        },
        {
          "name": "job.completed",
          "description": "A job (a write, batch, import or push) ended, with its final status",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "jobId": {
                "type": "string"
              },
              "status": {
                "type": "string",
                "enum": [
                  "completed",
                  "failed",
                  "partial"
                ]
              }
            },
            "required": [
              "jobId",
              "status"
            ],
            "additionalProperties": false
          },
          "example": {
            "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "status": "completed"
          }
        },
        {
          "name": "endpoint.disabled",
          "description": "A webhook endpoint was disabled: it answered 410, or failed for five days",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "endpointId": {
                "type": "string"
              },
              "url": {
                "type": "string"
              },
              "reason": {
                "type": "string"
              }
            },
            "required": [
              "endpointId",
              "url",
              "reason"
            ],
            "additionalProperties": false
          },
          "example": {
            "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "url": "https://receiver.example/webhooks",
            "reason": "The endpoint answered 410 Gone"
          }
        },
        {
          "name": "webhook.test",
          "description": "Sent by POST /v1/webhooks/{id}/test to that endpoint only",
          "schema": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
              "endpointId": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            },
            "required": [
              "endpointId",
              "message"
            ],
            "additionalProperties": false
          },
          "example": {
            "endpointId": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "message": "A test event from Shelfsync"
          }
        }
      ],
      "nextCursor": null
    }
  },
  "GET /v1/products/{id}/similar": {
    "200": {
      "productId": "380145e972ee",
      "list": "similar",
      "status": "off",
      "data": [],
      "nextCursor": null
    }
  },
  "GET /v1/products/{id}/complementary": {
    "200": {
      "productId": "380145e972ee",
      "list": "complementary",
      "status": "off",
      "data": [],
      "nextCursor": null
    }
  },
  "GET /v1/products/{id}/variants": {
    "200": {
      "productId": "380145e972ee",
      "data": [],
      "nextCursor": null
    }
  },
  "GET /v1/recommendation-rules": {
    "200": {
      "branches": [
        {
          "name": "shoes",
          "match": [
            "shoes",
            "footwear",
            "sneakers",
            "boots",
            "sandals",
            "calçados",
            "sapatos",
            "tênis"
          ]
        },
        {
          "name": "accessories",
          "match": [
            "accessories",
            "bags",
            "hats",
            "belts",
            "jewelry",
            "acessórios",
            "bolsas"
          ]
        },
        {
          "name": "bottoms",
          "match": [
            "bottoms",
            "pants",
            "trousers",
            "jeans",
            "skirts",
            "shorts",
            "calças",
            "saias"
          ]
        },
        {
          "name": "tops",
          "match": [
            "tops",
            "shirts",
            "t-shirts",
            "blouses",
            "sweaters",
            "jackets",
            "camisetas",
            "blusas"
          ]
        }
      ],
      "complements": {
        "tops": [
          "bottoms",
          "shoes",
          "accessories"
        ],
        "bottoms": [
          "tops",
          "shoes",
          "accessories"
        ],
        "shoes": [
          "tops",
          "bottoms",
          "accessories"
        ],
        "accessories": [
          "tops",
          "bottoms",
          "shoes"
        ]
      }
    }
  },
  "PUT /v1/recommendation-rules": {
    "200": {
      "branches": [
        {
          "name": "tops",
          "match": [
            "tops",
            "shirts",
            "t-shirts"
          ]
        },
        {
          "name": "bottoms",
          "match": [
            "bottoms",
            "pants",
            "jeans"
          ]
        },
        {
          "name": "shoes",
          "match": [
            "shoes",
            "sneakers"
          ]
        }
      ],
      "complements": {
        "tops": [
          "bottoms",
          "shoes"
        ],
        "bottoms": [
          "tops",
          "shoes"
        ],
        "shoes": [
          "tops",
          "bottoms"
        ]
      }
    }
  },
  "POST /v1/recommendations/rebuild": {
    "202": {
      "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7M"
    }
  },
  "GET /v1/stats": {
    "200": {
      "scope": "tenant",
      "generatedAt": "2026-12-05T17:03:54.938Z",
      "windowHours": 24,
      "products": {
        "total": 3,
        "byStatus": {
          "pending": 0,
          "processing": 0,
          "done": 2,
          "error": 1
        }
      },
      "images": {
        "total": 2,
        "byStatus": {
          "pending": 0,
          "processing": 0,
          "done": 1,
          "error": 1
        }
      },
      "jobs": {
        "byStatus": {
          "pending": 4,
          "processing": 0,
          "completed": 3,
          "failed": 0,
          "partial": 1
        },
        "durationMs": {
          "count": 4,
          "p50": 1131,
          "p95": 3056,
          "p99": 3056,
          "max": 3056
        }
      },
      "queues": [
        {
          "queue": "ingest",
          "pending": 0,
          "due": 0,
          "oldestDueAt": null,
          "lagSeconds": 0
        },
        {
          "queue": "deliveries",
          "pending": 9,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.726Z",
          "lagSeconds": 0
        },
        {
          "queue": "imports",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.838Z",
          "lagSeconds": 0
        },
        {
          "queue": "inbound",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.790Z",
          "lagSeconds": 0
        },
        {
          "queue": "events",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.674Z",
          "lagSeconds": 0
        }
      ],
      "deliveries": {
        "attempts": 9,
        "succeeded": 0,
        "successRate": 0,
        "latencyMs": {
          "count": 9,
          "p50": 0,
          "p95": 1,
          "p99": 1,
          "max": 1
        },
        "endpoints": [
          {
            "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "url": "https://receiver.example/webhooks",
            "enabled": true,
            "disabledReason": null,
            "attempts": 9,
            "succeeded": 0,
            "successRate": 0,
            "latencyMs": {
              "count": 9,
              "p50": 0,
              "p95": 1,
              "p99": 1,
              "max": 1
            }
          }
        ]
      }
    }
  },
  "GET /v1/admin/stats": {
    "200": {
      "scope": "all",
      "generatedAt": "2026-12-05T17:03:54.953Z",
      "windowHours": 24,
      "products": {
        "total": 3,
        "byStatus": {
          "pending": 0,
          "processing": 0,
          "done": 2,
          "error": 1
        }
      },
      "images": {
        "total": 2,
        "byStatus": {
          "pending": 0,
          "processing": 0,
          "done": 1,
          "error": 1
        }
      },
      "jobs": {
        "byStatus": {
          "pending": 4,
          "processing": 0,
          "completed": 3,
          "failed": 0,
          "partial": 1
        },
        "durationMs": {
          "count": 4,
          "p50": 1131,
          "p95": 3056,
          "p99": 3056,
          "max": 3056
        }
      },
      "queues": [
        {
          "queue": "ingest",
          "pending": 0,
          "due": 0,
          "oldestDueAt": null,
          "lagSeconds": 0
        },
        {
          "queue": "deliveries",
          "pending": 9,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.726Z",
          "lagSeconds": 0
        },
        {
          "queue": "imports",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.838Z",
          "lagSeconds": 0
        },
        {
          "queue": "inbound",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.790Z",
          "lagSeconds": 0
        },
        {
          "queue": "events",
          "pending": 1,
          "due": 1,
          "oldestDueAt": "2026-12-05T17:03:54.674Z",
          "lagSeconds": 0
        }
      ],
      "deliveries": {
        "attempts": 9,
        "succeeded": 0,
        "successRate": 0,
        "latencyMs": {
          "count": 9,
          "p50": 0,
          "p95": 1,
          "p99": 1,
          "max": 1
        },
        "endpoints": [
          {
            "id": "wh_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "url": "https://receiver.example/webhooks",
            "enabled": true,
            "disabledReason": null,
            "attempts": 9,
            "succeeded": 0,
            "successRate": 0,
            "latencyMs": {
              "count": 9,
              "p50": 0,
              "p95": 1,
              "p99": 1,
              "max": 1
            }
          }
        ]
      },
      "tenants": 1,
      "deadLetters": 0
    }
  },
  "GET /v1/admin/dead-letters": {
    "200": {
      "data": [
        {
          "id": "dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "queue": "shelfsync-imports",
          "reason": "TypeError: Cannot read properties of undefined (reading 'rows')",
          "attempts": 6,
          "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
          "body": {
            "kind": "import",
            "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
            "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K"
          },
          "createdAt": "2026-12-05T15:40:00.000Z",
          "replayedAt": null
        }
      ],
      "nextCursor": null
    }
  },
  "POST /v1/admin/dead-letters/{id}/replay": {
    "200": {
      "replayed": true,
      "deadLetter": {
        "id": "dl_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
        "queue": "shelfsync-imports",
        "reason": "TypeError: Cannot read properties of undefined (reading 'rows')",
        "attempts": 6,
        "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
        "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K",
        "body": {
          "kind": "import",
          "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "jobId": "job_01JD7Z8Q6V7N9K3M2X4B5C6D7K"
        },
        "createdAt": "2026-12-05T15:40:00.000Z",
        "replayedAt": "2026-12-05T16:02:11.000Z"
      }
    }
  },

  "POST /v1/admin/tenants/{id}/move": {
    "202": {
      "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "fromShard": 0,
      "toShard": 1,
      "state": "copying",
      "epoch": 2,
      "watermarks": {
        "copy": {},
        "tail": {},
        "verify": {},
        "clean": {}
      },
      "report": null,
      "error": null,
      "createdAt": "2026-12-05T17:04:10.000Z",
      "updatedAt": "2026-12-05T17:04:10.000Z",
      "completedAt": null
    }
  },
  "GET /v1/admin/tenants/{id}/moves/{moveId}": {
    "200": {
      "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
      "fromShard": 0,
      "toShard": 1,
      "state": "done",
      "epoch": 2,
      "watermarks": {
        "copy": {
          "products": {
            "after": [
              "sku-1042"
            ],
            "done": true,
            "rows": 1042
          }
        },
        "tail": {
          "products": {
            "after": [
              "sku-1042"
            ],
            "done": true,
            "rows": 200,
            "deleted": 1
          }
        },
        "verify": {
          "products": {
            "from": {
              "after": [
                "sku-1042"
              ],
              "done": true,
              "rows": 1041,
              "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
            },
            "to": {
              "after": [
                "sku-1042"
              ],
              "done": true,
              "rows": 1041,
              "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
            }
          }
        },
        "clean": {
          "products": {
            "after": null,
            "done": true,
            "rows": 1041
          }
        },
        "frozenAt": 1764954252000,
        "flippedAt": 1764954253800
      },
      "report": {
        "tables": {
          "products": {
            "fromRows": 1041,
            "toRows": 1041,
            "fromHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
            "toHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
            "equal": true
          }
        },
        "freezeMs": 1800,
        "copiedRows": 1042,
        "tailRecopiedRows": 200,
        "tailDeletedRows": 1,
        "cleanedRows": 1041
      },
      "error": null,
      "createdAt": "2026-12-05T17:04:10.000Z",
      "updatedAt": "2026-12-05T17:05:14.000Z",
      "completedAt": "2026-12-05T17:05:14.000Z"
    }
  },
  "GET /v1/admin/tenants/{id}/moves": {
    "200": {
      "data": [
        {
          "id": "mov_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "tenantId": "ten_01JD7Z8Q6V7N9K3M2X4B5C6D7E",
          "fromShard": 0,
          "toShard": 1,
          "state": "done",
          "epoch": 2,
          "watermarks": {
            "copy": {
              "products": {
                "after": [
                  "sku-1042"
                ],
                "done": true,
                "rows": 1042
              }
            },
            "tail": {
              "products": {
                "after": [
                  "sku-1042"
                ],
                "done": true,
                "rows": 200,
                "deleted": 1
              }
            },
            "verify": {
              "products": {
                "from": {
                  "after": [
                    "sku-1042"
                  ],
                  "done": true,
                  "rows": 1041,
                  "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                },
                "to": {
                  "after": [
                    "sku-1042"
                  ],
                  "done": true,
                  "rows": 1041,
                  "hash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291"
                }
              }
            },
            "clean": {
              "products": {
                "after": null,
                "done": true,
                "rows": 1041
              }
            },
            "frozenAt": 1764954252000,
            "flippedAt": 1764954253800
          },
          "report": {
            "tables": {
              "products": {
                "fromRows": 1041,
                "toRows": 1041,
                "fromHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                "toHash": "5d0c6a3e9b1f4c2a8e7d6b5a4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a291",
                "equal": true
              }
            },
            "freezeMs": 1800,
            "copiedRows": 1042,
            "tailRecopiedRows": 200,
            "tailDeletedRows": 1,
            "cleanedRows": 1041
          },
          "error": null,
          "createdAt": "2026-12-05T17:04:10.000Z",
          "updatedAt": "2026-12-05T17:05:14.000Z",
          "completedAt": "2026-12-05T17:05:14.000Z"
        }
      ]
    }
  }
};
