import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
/// A test fails when a registered `/api/v1` route is missing here, so keep both in step.
enum OpenAPIDocument {
  @Sendable static func serve(req: Request) async throws -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .json
    return Response(status: .ok, headers: headers, body: .init(string: json))
  }

  static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "OneWindow API",
        "version": "1.0.0",
        "description": "一窗通办 OneWindow: the API of a county government service center. Send `Authorization: Bearer <token>`; get a token from POST /api/v1/session or `onewindow token issue USER`. Errors are `{\"error\":{\"code\",\"message\",\"field\"}}` in the language of `Accept-Language` (zh by default)."
      },
      "servers": [
        {
          "url": "/"
        }
      ],
      "security": [
        {
          "bearer": []
        }
      ],
      "paths": {
        "/api/v1/session": {
          "post": {
            "summary": "Sign in with username and password; answers a bearer token",
            "security": [],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Credentials"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Signed in",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/IssuedToken"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          },
          "delete": {
            "summary": "Revoke the token this request carries",
            "responses": {
              "204": {
                "description": "Revoked"
              },
              "401": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/me": {
          "get": {
            "summary": "The signed-in staff member, role, scope and permissions",
            "responses": {
              "200": {
                "description": "Staff",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Staff"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/staff": {
          "get": {
            "summary": "Staff accounts inside the caller's scope (needs manageStaff)",
            "parameters": [
              {
                "$ref": "#/components/parameters/limit"
              },
              {
                "$ref": "#/components/parameters/offset"
              }
            ],
            "responses": {
              "200": {
                "description": "Staff list",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Staff"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/regions": {
          "get": {
            "summary": "Regions (行政区划): county, towns, villages (public)",
            "security": [],
            "responses": {
              "200": {
                "description": "Regions",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Region"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/sites": {
          "get": {
            "summary": "Service sites (服务场所) with opening hours (public)",
            "security": [],
            "responses": {
              "200": {
                "description": "Sites",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Site"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/sites/{id}/items": {
          "get": {
            "summary": "What one site offers: a village station its proxy list, a town center the town-level items (public)",
            "security": [],
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "q",
                "in": "query",
                "required": false,
                "description": "Chinese text, pinyin initials (hjqy) or item code",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "department",
                "in": "query",
                "required": false,
                "description": "Implementing department id",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "level",
                "in": "query",
                "required": false,
                "description": "Level that exercises the item",
                "schema": {
                  "enum": [
                    "county",
                    "town",
                    "village"
                  ]
                }
              },
              {
                "name": "type",
                "in": "query",
                "required": false,
                "description": "Item type code (GB/T 39046 appendix A)",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "theme",
                "in": "query",
                "required": false,
                "description": "Life or business event",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "audience",
                "in": "query",
                "required": false,
                "description": "个人 or 法人",
                "schema": {
                  "enum": [
                    "person",
                    "legalEntity"
                  ]
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 200,
                  "default": 20
                }
              },
              {
                "$ref": "#/components/parameters/offset"
              }
            ],
            "responses": {
              "200": {
                "description": "Items",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/ItemSummary"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "422": {
                "$ref": "#/components/responses/Error"
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/items": {
          "get": {
            "summary": "Search the published catalog (public)",
            "description": "With `q`, `total` stops at 1000: type more to narrow a common search down.",
            "security": [],
            "parameters": [
              {
                "name": "q",
                "in": "query",
                "required": false,
                "description": "Chinese text, pinyin initials (hjqy) or item code",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "department",
                "in": "query",
                "required": false,
                "description": "Implementing department id",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "level",
                "in": "query",
                "required": false,
                "description": "Level that exercises the item",
                "schema": {
                  "enum": [
                    "county",
                    "town",
                    "village"
                  ]
                }
              },
              {
                "name": "type",
                "in": "query",
                "required": false,
                "description": "Item type code (GB/T 39046 appendix A)",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "theme",
                "in": "query",
                "required": false,
                "description": "Life or business event",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "audience",
                "in": "query",
                "required": false,
                "description": "个人 or 法人",
                "schema": {
                  "enum": [
                    "person",
                    "legalEntity"
                  ]
                }
              },
              {
                "name": "limit",
                "in": "query",
                "required": false,
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 200,
                  "default": 20
                }
              },
              {
                "$ref": "#/components/parameters/offset"
              },
              {
                "name": "site",
                "in": "query",
                "required": false,
                "description": "Only what this site offers",
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Items",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/ItemSummary"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/items/{code}": {
          "get": {
            "summary": "Every element of an item version (public; drafts need a staff token)",
            "security": [],
            "parameters": [
              {
                "name": "code",
                "in": "path",
                "required": true,
                "description": "基本编码",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "version",
                "in": "query",
                "required": false,
                "description": "A historic version; the current one by default",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The item",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Item"
                    }
                  }
                }
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/bundles": {
          "get": {
            "summary": "\"一件事\" bundles with their combined material lists (public)",
            "security": [],
            "responses": {
              "200": {
                "description": "Bundles",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Bundle"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "/api/v1/cases": {
          "post": {
            "summary": "Register a case (收件); submitted at once unless submit is false",
            "parameters": [
              {
                "name": "Idempotency-Key",
                "in": "header",
                "required": false,
                "description": "A retry with the same key returns the first case (200) instead of a second one",
                "schema": {
                  "type": "string",
                  "minLength": 8,
                  "maxLength": 128
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/NewCase"
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "Registered",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Case"
                    }
                  }
                }
              },
              "200": {
                "description": "Replay of an earlier request with the same Idempotency-Key",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Case"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/Error"
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          },
          "get": {
            "summary": "Cases in the caller's scope, most urgent first",
            "parameters": [
              {
                "name": "state",
                "in": "query",
                "schema": {
                  "type": "string"
                },
                "description": "Comma-separated states"
              },
              {
                "name": "department_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "site_id",
                "in": "query",
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "warning",
                "in": "query",
                "schema": {
                  "enum": [
                    "none",
                    "yellow",
                    "red"
                  ]
                }
              },
              {
                "name": "created_from",
                "in": "query",
                "schema": {
                  "type": "string",
                  "format": "date"
                }
              },
              {
                "name": "created_to",
                "in": "query",
                "schema": {
                  "type": "string",
                  "format": "date"
                }
              },
              {
                "name": "limit",
                "in": "query",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 200,
                  "default": 50
                }
              },
              {
                "$ref": "#/components/parameters/offset"
              }
            ],
            "responses": {
              "200": {
                "description": "Cases",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "items",
                        "total"
                      ],
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Case"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/cases/{number}": {
          "get": {
            "summary": "One case",
            "parameters": [
              {
                "$ref": "#/components/parameters/number"
              }
            ],
            "responses": {
              "200": {
                "description": "The case",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Case"
                    }
                  }
                }
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/cases/{number}/events": {
          "get": {
            "summary": "The case's trail (全程留痕), oldest first, hash-chained",
            "parameters": [
              {
                "$ref": "#/components/parameters/number"
              }
            ],
            "responses": {
              "200": {
                "description": "Events",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/CaseEvent"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/cases/{number}/deadline": {
          "get": {
            "summary": "The due date, the pauses, the warning and how the date was reached",
            "parameters": [
              {
                "$ref": "#/components/parameters/number"
              }
            ],
            "responses": {
              "200": {
                "description": "Deadline",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "due": {
                          "type": [
                            "string",
                            "null"
                          ],
                          "format": "date-time"
                        },
                        "warning": {
                          "enum": [
                            "none",
                            "yellow",
                            "red"
                          ]
                        },
                        "explanation": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/cases/{number}/{step}": {
          "post": {
            "summary": "Take a step: submit, check-materials, correction, resubmit, accept, refuse, start-review, review, request-opinion, give-opinion, decide, issue-result, supply-materials, deliver, withdraw, suspend, resume, escalate, transfer",
            "parameters": [
              {
                "$ref": "#/components/parameters/number"
              },
              {
                "name": "step",
                "in": "path",
                "required": true,
                "schema": {
                  "enum": [
                    "submit",
                    "check-materials",
                    "correction",
                    "resubmit",
                    "accept",
                    "refuse",
                    "start-review",
                    "review",
                    "request-opinion",
                    "give-opinion",
                    "decide",
                    "issue-result",
                    "supply-materials",
                    "deliver",
                    "withdraw",
                    "suspend",
                    "resume",
                    "escalate",
                    "transfer"
                  ]
                }
              },
              {
                "name": "If-Match",
                "in": "header",
                "required": false,
                "schema": {
                  "type": "string"
                },
                "description": "The case version the step was decided on (or send version in the body)"
              }
            ],
            "requestBody": {
              "required": false,
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CaseStep"
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The case after the step",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Case"
                    }
                  }
                }
              },
              "400": {
                "$ref": "#/components/responses/Error"
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "404": {
                "$ref": "#/components/responses/Error"
              },
              "409": {
                "description": "illegal_step (not allowed in the case's state) or version_conflict (someone acted first)",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    }
                  }
                }
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/bundle-cases": {
          "post": {
            "summary": "Apply for a \"一件事\": one case per item, linked, with a lead department",
            "parameters": [
              {
                "name": "Idempotency-Key",
                "in": "header",
                "required": false,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object",
                    "required": [
                      "item_codes",
                      "lead_department_id",
                      "applicant"
                    ],
                    "properties": {
                      "item_codes": {
                        "type": "array",
                        "items": {
                          "type": "string"
                        },
                        "minItems": 2
                      },
                      "lead_department_id": {
                        "type": "string"
                      },
                      "site_id": {
                        "type": "string"
                      },
                      "channel": {
                        "type": "string"
                      },
                      "applicant": {
                        "type": "object"
                      }
                    }
                  }
                }
              }
            },
            "responses": {
              "201": {
                "description": "The bundle and its cases",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/BundleCases"
                    }
                  }
                }
              },
              "200": {
                "description": "Replay"
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/bundle-cases/{id}": {
          "get": {
            "summary": "A \"一件事\" application: its cases and combined status (the least advanced case)",
            "parameters": [
              {
                "name": "id",
                "in": "path",
                "required": true,
                "schema": {
                  "type": "string"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "The bundle",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/BundleCases"
                    }
                  }
                }
              },
              "404": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/status": {
          "get": {
            "summary": "Public status look-up by case number and the applicant's phone",
            "security": [],
            "parameters": [
              {
                "name": "number",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string"
                }
              },
              {
                "name": "phone",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string",
                  "pattern": "^[0-9]{11}$"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Status",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "number": {
                          "type": "string"
                        },
                        "item_name": {
                          "type": "string"
                        },
                        "state": {
                          "type": "string"
                        },
                        "state_name": {
                          "type": "string"
                        },
                        "due": {
                          "type": [
                            "string",
                            "null"
                          ]
                        }
                      }
                    }
                  }
                }
              },
              "404": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/calendar/due": {
          "get": {
            "summary": "Due time of a limit of N working days from an instant (end of the due day, site time zone)",
            "security": [],
            "parameters": [
              {
                "name": "from",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "string",
                  "format": "date-time"
                }
              },
              {
                "name": "days",
                "in": "query",
                "required": true,
                "schema": {
                  "type": "integer",
                  "minimum": 0,
                  "maximum": 3650
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Due",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "required": [
                        "due"
                      ],
                      "properties": {
                        "from": {
                          "type": "string"
                        },
                        "days": {
                          "type": "integer"
                        },
                        "due": {
                          "type": "string",
                          "format": "date-time"
                        },
                        "due_date": {
                          "type": "string",
                          "format": "date"
                        },
                        "time_zone": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/calendar/days": {
          "get": {
            "summary": "Holidays and make-up workdays (调休) in force",
            "security": [],
            "parameters": [
              {
                "name": "year",
                "in": "query",
                "schema": {
                  "type": "integer"
                }
              }
            ],
            "responses": {
              "200": {
                "description": "Days",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                      "properties": {
                        "items": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/CalendarDay"
                          }
                        },
                        "total": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          "put": {
            "summary": "Set days of the county's calendar (needs manageCalendar); all or nothing",
            "requestBody": {
              "required": true,
              "content": {
                "application/json": {
                  "schema": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/CalendarDay"
                    }
                  }
                }
              }
            },
            "responses": {
              "200": {
                "description": "The calendar days after the change"
              },
              "401": {
                "$ref": "#/components/responses/Error"
              },
              "403": {
                "$ref": "#/components/responses/Error"
              },
              "422": {
                "$ref": "#/components/responses/Error"
              }
            }
          }
        },
        "/api/v1/hall/sites/{site}/tickets": {
          "post": {
            "summary": "取号: take a ticket in a business group (kiosk devices and the portal need no token)",
            "security": [],
            "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["group"], "properties": {"group": {"type": "string", "description": "Business group letter, e.g. A"}, "priority": {"type": ["string", "null"], "enum": ["elderly", "disabled", "pregnant", null]}, "item_code": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]}}}}}},
            "responses": {"201": {"description": "The ticket", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          },
          "get": {
            "summary": "Every ticket of a site's day, in order of taking (staff who call tickets)",
            "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "day", "in": "query", "required": false, "schema": {"type": "string"}, "description": "YYYY-MM-DD, today by default"}],
            "responses": {"200": {"description": "Tickets", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/hall/sites/{site}/board": {
          "get": {
            "summary": "What the hall display shows now: the tickets being called and the waiting counts",
            "security": [],
            "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Board", "content": {"application/json": {"schema": {"type": "object"}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/hall/windows/{window}/call": {
          "post": {
            "summary": "叫号: call the next ticket for a window the caller holds the A or B post of",
            "parameters": [{"name": "window", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {"200": {"description": "The ticket called", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}}, "204": {"description": "Nobody is waiting"}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/hall/tickets/{id}/{action}": {
          "post": {
            "summary": "A step on a ticket at the caller's window: recall, start, finish (case_number), no-show, transfer (transfer_to = group:B or window:ID)",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "action", "in": "path", "required": true, "schema": {"type": "string", "enum": ["recall", "start", "finish", "no-show", "transfer"]}}],
            "requestBody": {"required": false, "content": {"application/json": {"schema": {"type": "object", "properties": {"window_id": {"type": "string"}, "case_number": {"type": "string"}, "transfer_to": {"type": "string"}}}}}},
            "responses": {"200": {"description": "The ticket after the step, and the ticket continuing a transfer", "content": {"application/json": {"schema": {"type": "object", "required": ["ticket"], "properties": {"ticket": {"$ref": "#/components/schemas/Ticket"}, "continued": {"oneOf": [{"$ref": "#/components/schemas/Ticket"}, {"type": "null"}]}}}}}}, "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "summary": "This document",
            "security": [],
            "responses": {
              "200": {
                "description": "OpenAPI 3.1 document",
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object"
                    }
                  }
                }
              }
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearer": {
            "type": "http",
            "scheme": "bearer"
          }
        },
        "parameters": {
          "limit": {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 100
            }
          },
          "offset": {
            "name": "offset",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          "number": {
            "name": "number",
            "in": "path",
            "required": true,
            "description": "办件编号, e.g. 360999-20261123-00042",
            "schema": {
              "type": "string"
            }
          }
        },
        "responses": {
          "Error": {
            "description": "An error, in the request's language",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "schemas": {
          "Ticket": {
            "type": "object",
            "required": ["id", "number", "site_id", "day", "group", "state", "channel", "taken_at", "calls"],
            "properties": {
              "id": {"type": "string"}, "number": {"type": "string", "examples": ["A001"]}, "site_id": {"type": "string"},
              "day": {"type": "string", "format": "date"}, "group": {"type": "string"},
              "state": {"type": "string", "enum": ["waiting", "called", "serving", "served", "transferred", "no_show"]},
              "channel": {"type": "string", "enum": ["kiosk", "portal", "clerk", "appointment"]},
              "priority": {"type": ["string", "null"]}, "item_code": {"type": ["string", "null"]},
              "taken_at": {"type": "string", "format": "date-time"}, "called_at": {"type": ["string", "null"]},
              "started_at": {"type": ["string", "null"]}, "ended_at": {"type": ["string", "null"]},
              "window_id": {"type": ["string", "null"]}, "target_window_id": {"type": ["string", "null"]},
              "calls": {"type": "integer"}, "case_number": {"type": ["string", "null"]},
              "transferred_from": {"type": ["string", "null"]}
            }
          },
          "Error": {
            "type": "object",
            "required": [
              "error"
            ],
            "properties": {
              "error": {
                "type": "object",
                "required": [
                  "code",
                  "message"
                ],
                "properties": {
                  "code": {
                    "type": "string",
                    "examples": [
                      "invalid_field",
                      "unauthenticated",
                      "forbidden",
                      "not_found"
                    ]
                  },
                  "message": {
                    "type": "string"
                  },
                  "field": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The input field at fault"
                  }
                }
              }
            }
          },
          "Credentials": {
            "type": "object",
            "required": [
              "username",
              "password"
            ],
            "properties": {
              "username": {
                "type": "string"
              },
              "password": {
                "type": "string",
                "format": "password"
              }
            }
          },
          "IssuedToken": {
            "type": "object",
            "required": [
              "token",
              "token_type",
              "expires_at",
              "staff"
            ],
            "properties": {
              "token": {
                "type": "string"
              },
              "token_type": {
                "const": "Bearer"
              },
              "expires_at": {
                "type": "string",
                "format": "date-time"
              },
              "staff": {
                "$ref": "#/components/schemas/Staff"
              }
            }
          },
          "Scope": {
            "type": "object",
            "required": [
              "region_code"
            ],
            "properties": {
              "region_code": {
                "type": "string",
                "pattern": "^([0-9]{6}|[0-9]{9}|[0-9]{12})$"
              },
              "site_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "department_id": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "Staff": {
            "type": "object",
            "required": [
              "id",
              "username",
              "display_name",
              "role",
              "role_name",
              "scope"
            ],
            "properties": {
              "id": {
                "type": "string",
                "format": "uuid"
              },
              "username": {
                "type": "string"
              },
              "display_name": {
                "type": "string"
              },
              "role": {
                "enum": [
                  "admin",
                  "clerk",
                  "reviewer",
                  "agent",
                  "supervisor",
                  "service"
                ]
              },
              "role_name": {
                "type": "string"
              },
              "scope": {
                "$ref": "#/components/schemas/Scope"
              },
              "permissions": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            }
          },
          "Region": {
            "type": "object",
            "required": [
              "code",
              "name",
              "level"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "level": {
                "enum": [
                  "county",
                  "town",
                  "village"
                ]
              },
              "parent_code": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "Site": {
            "type": "object",
            "required": [
              "id",
              "name",
              "kind",
              "kind_name",
              "region_code",
              "address",
              "phone",
              "hours"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "kind": {
                "enum": [
                  "service_center",
                  "sub_center",
                  "town_center",
                  "village_station",
                  "bank_point"
                ]
              },
              "kind_name": {
                "type": "string"
              },
              "region_code": {
                "type": "string"
              },
              "address": {
                "type": "string"
              },
              "phone": {
                "type": "string"
              },
              "hours": {
                "type": "object",
                "required": [
                  "weekdays"
                ],
                "properties": {
                  "weekdays": {
                    "type": "string"
                  },
                  "extended": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "saturday": {
                    "type": [
                      "string",
                      "null"
                    ]
                  }
                }
              }
            }
          },
          "NewCase": {
            "type": "object",
            "required": [
              "item_code",
              "applicant"
            ],
            "properties": {
              "item_code": {
                "type": "string"
              },
              "site_id": {
                "type": "string",
                "description": "Defaults to the caller's site"
              },
              "channel": {
                "enum": [
                  "window",
                  "online",
                  "mobile",
                  "kiosk",
                  "proxy",
                  "bank"
                ]
              },
              "submit": {
                "type": "boolean",
                "default": true
              },
              "applicant": {
                "type": "object",
                "required": [
                  "name",
                  "id_number",
                  "phone"
                ],
                "properties": {
                  "kind": {
                    "enum": [
                      "person",
                      "organization"
                    ]
                  },
                  "name": {
                    "type": "string"
                  },
                  "id_type": {
                    "type": "string"
                  },
                  "id_number": {
                    "type": "string"
                  },
                  "phone": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "CaseStep": {
            "type": "object",
            "description": "version plus the fields of the step: check-materials {checklist:[{name,status: received|deferred|missing|not_applicable,problem}]}; correction {items:[{material,problem}], reason_for_another}; accept {form: standard|deficiency|pledge, materials, due_date, post_check_due}; refuse {reason, legal_basis}; review {step, opinion, approved}; request-opinion {department_id, question, due_workdays}; give-opinion {department_id, answer, agrees}; decide {approved, reason}; issue-result {file_name, file_base64: a PDF/JPG/PNG up to 10 MB}; deliver {mode: pickup|mail|electronic, receiver, id_checked, carrier, tracking_number}; withdraw {reason}; suspend {kind, reason, planned_workdays}; escalate {to_department_id, reason, limit_days}; transfer {to_department_id, reason}",
            "properties": {
              "version": {
                "type": "integer"
              }
            },
            "additionalProperties": true
          },
          "Case": {
            "type": "object",
            "required": [
              "number",
              "version",
              "state",
              "item",
              "applicant",
              "allowed_steps"
            ],
            "properties": {
              "number": {
                "type": "string"
              },
              "version": {
                "type": "integer"
              },
              "state": {
                "type": "string"
              },
              "state_name": {
                "type": "string"
              },
              "item": {
                "type": "object"
              },
              "applicant": {
                "type": "object",
                "description": "ID and phone numbers masked"
              },
              "department_id": {
                "type": "string"
              },
              "site_id": {
                "type": "string"
              },
              "deadline": {
                "type": [
                  "object",
                  "null"
                ],
                "properties": {
                  "due": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "warning": {
                    "enum": [
                      "none",
                      "yellow",
                      "red"
                    ]
                  }
                }
              },
              "allowed_steps": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              }
            },
            "additionalProperties": true
          },
          "CaseEvent": {
            "type": "object",
            "properties": {
              "sequence": {
                "type": "integer"
              },
              "step": {
                "type": "string"
              },
              "from_state": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "to_state": {
                "type": "string"
              },
              "actor_id": {
                "type": "string"
              },
              "actor_name": {
                "type": "string"
              },
              "at": {
                "type": "string"
              },
              "payload": {
                "type": "string"
              },
              "previous_hash": {
                "type": "string"
              },
              "hash": {
                "type": "string"
              }
            }
          },
          "BundleCases": {
            "type": "object",
            "required": [
              "bundle_id",
              "state",
              "cases"
            ],
            "properties": {
              "bundle_id": {
                "type": "string"
              },
              "lead_department_id": {
                "type": [
                  "string",
                  "null"
                ]
              },
              "state": {
                "type": "string"
              },
              "state_name": {
                "type": "string"
              },
              "counts": {
                "type": "object"
              },
              "cases": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "CalendarDay": {
            "type": "object",
            "required": [
              "date",
              "kind"
            ],
            "properties": {
              "date": {
                "type": "string",
                "format": "date"
              },
              "kind": {
                "enum": [
                  "holiday",
                  "workday"
                ]
              },
              "name": {
                "type": [
                  "string",
                  "null"
                ]
              }
            }
          },
          "ItemSummary": {
            "type": "object",
            "required": [
              "code",
              "name",
              "type",
              "type_name",
              "department_id",
              "levels",
              "case_kind",
              "promised_limit_days",
              "visits",
              "online_depth",
              "status",
              "version"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "type_name": {
                "type": "string"
              },
              "department_id": {
                "type": "string"
              },
              "levels": {
                "type": "array",
                "items": {
                  "enum": [
                    "county",
                    "town",
                    "village"
                  ]
                }
              },
              "case_kind": {
                "enum": [
                  "immediate",
                  "promised",
                  "escalated"
                ]
              },
              "promised_limit_days": {
                "type": "integer"
              },
              "visits": {
                "type": "integer"
              },
              "online_depth": {
                "type": "integer"
              },
              "status": {
                "enum": [
                  "draft",
                  "published",
                  "suspended",
                  "cancelled"
                ]
              },
              "version": {
                "type": "integer"
              }
            }
          },
          "Item": {
            "type": "object",
            "required": [
              "code",
              "name",
              "type",
              "type_name",
              "department_id",
              "levels",
              "handling",
              "case_kind",
              "legal_limit_days",
              "promised_limit_days",
              "visits",
              "visit_reason",
              "online_depth",
              "service_objects",
              "themes",
              "conditions",
              "legal_basis",
              "materials",
              "steps",
              "delivery_modes",
              "acceptance_scope",
              "result_name",
              "inquiry_phone",
              "supervision_phone",
              "hall_exception_reason",
              "status",
              "version",
              "current_version",
              "guide_url"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "type_name": {
                "type": "string"
              },
              "department_id": {
                "type": "string"
              },
              "levels": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "handling": {
                "type": "object",
                "description": "Per level: direct, delegated, proxy or collectForward",
                "additionalProperties": {
                  "type": "string"
                }
              },
              "case_kind": {
                "type": "string"
              },
              "legal_limit_days": {
                "type": "integer"
              },
              "promised_limit_days": {
                "type": "integer"
              },
              "visits": {
                "type": "integer"
              },
              "visit_reason": {
                "type": "string"
              },
              "online_depth": {
                "type": "integer"
              },
              "service_objects": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "themes": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "conditions": {
                "type": "string"
              },
              "legal_basis": {
                "type": "string"
              },
              "materials": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "required",
                    "deferrable",
                    "form",
                    "copies",
                    "source",
                    "standard",
                    "blank_form",
                    "sample"
                  ],
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "required": {
                      "type": "boolean"
                    },
                    "deferrable": {
                      "type": "boolean",
                      "description": "容缺后补"
                    },
                    "form": {
                      "type": "string"
                    },
                    "copies": {
                      "type": "integer"
                    },
                    "source": {
                      "type": "string"
                    },
                    "standard": {
                      "type": "string"
                    },
                    "blank_form": {
                      "type": "string"
                    },
                    "sample": {
                      "type": "string"
                    }
                  }
                }
              },
              "steps": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "role",
                    "limit_days"
                  ],
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "role": {
                      "type": "string"
                    },
                    "limit_days": {
                      "type": "integer"
                    }
                  }
                }
              },
              "fee": {
                "type": [
                  "object",
                  "null"
                ],
                "properties": {
                  "amount_fen": {
                    "type": "integer"
                  },
                  "basis": {
                    "type": "string"
                  }
                }
              },
              "delivery_modes": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "acceptance_scope": {
                "type": "string"
              },
              "result_name": {
                "type": "string"
              },
              "inquiry_phone": {
                "type": "string"
              },
              "supervision_phone": {
                "type": "string"
              },
              "aliases": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "hall_exception_reason": {
                "type": "string"
              },
              "status": {
                "type": "string"
              },
              "version": {
                "type": "integer"
              },
              "current_version": {
                "type": "integer"
              },
              "guide_url": {
                "type": "string"
              }
            }
          },
          "Bundle": {
            "type": "object",
            "required": [
              "id",
              "name",
              "summary",
              "audience",
              "item_codes",
              "lead_department_id",
              "materials"
            ],
            "properties": {
              "id": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "summary": {
                "type": "string"
              },
              "audience": {
                "type": "string"
              },
              "item_codes": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "lead_department_id": {
                "type": "string"
              },
              "materials": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "name",
                    "required",
                    "copies",
                    "item_codes"
                  ],
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "required": {
                      "type": "boolean"
                    },
                    "copies": {
                      "type": "integer"
                    },
                    "item_codes": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    """#
}
