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
      "servers": [{"url": "/"}],
      "security": [{"bearer": []}],
      "paths": {
        "/api/v1/session": {
          "post": {
            "summary": "Sign in with username and password; answers a bearer token",
            "security": [],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Credentials"}}}},
            "responses": {
              "201": {"description": "Signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IssuedToken"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          },
          "delete": {
            "summary": "Revoke the token this request carries",
            "responses": {"204": {"description": "Revoked"}, "401": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/api/v1/me": {
          "get": {
            "summary": "The signed-in staff member, role, scope and permissions",
            "responses": {
              "200": {"description": "Staff", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Staff"}}}},
              "401": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/staff": {
          "get": {
            "summary": "Staff accounts inside the caller's scope (needs manageStaff)",
            "parameters": [{"$ref": "#/components/parameters/limit"}, {"$ref": "#/components/parameters/offset"}],
            "responses": {
              "200": {"description": "Staff list", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "total"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Staff"}}, "total": {"type": "integer"}}}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/regions": {
          "get": {
            "summary": "Regions (行政区划): county, towns, villages (public)",
            "security": [],
            "responses": {"200": {"description": "Regions", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "total"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Region"}}, "total": {"type": "integer"}}}}}}}
          }
        },
        "/api/v1/sites": {
          "get": {
            "summary": "Service sites (服务场所) with opening hours (public)",
            "security": [],
            "responses": {"200": {"description": "Sites", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "total"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Site"}}, "total": {"type": "integer"}}}}}}}
          }
        },
        "/api/v1/openapi.json": {
          "get": {
            "summary": "This document",
            "security": [],
            "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "parameters": {
          "limit": {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}},
          "offset": {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "default": 0}}
        },
        "responses": {
          "Error": {"description": "An error, in the request's language", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
              "code": {"type": "string", "examples": ["invalid_field", "unauthenticated", "forbidden", "not_found"]},
              "message": {"type": "string"},
              "field": {"type": ["string", "null"], "description": "The input field at fault"}}}}
          },
          "Credentials": {
            "type": "object", "required": ["username", "password"],
            "properties": {"username": {"type": "string"}, "password": {"type": "string", "format": "password"}}
          },
          "IssuedToken": {
            "type": "object", "required": ["token", "token_type", "expires_at", "staff"],
            "properties": {"token": {"type": "string"}, "token_type": {"const": "Bearer"}, "expires_at": {"type": "string", "format": "date-time"}, "staff": {"$ref": "#/components/schemas/Staff"}}
          },
          "Scope": {
            "type": "object", "required": ["region_code"],
            "properties": {"region_code": {"type": "string", "pattern": "^([0-9]{6}|[0-9]{9}|[0-9]{12})$"}, "site_id": {"type": ["string", "null"]}, "department_id": {"type": ["string", "null"]}}
          },
          "Staff": {
            "type": "object", "required": ["id", "username", "display_name", "role", "role_name", "scope"],
            "properties": {
              "id": {"type": "string", "format": "uuid"}, "username": {"type": "string"}, "display_name": {"type": "string"},
              "role": {"enum": ["admin", "clerk", "reviewer", "agent", "supervisor", "service"]}, "role_name": {"type": "string"},
              "scope": {"$ref": "#/components/schemas/Scope"},
              "permissions": {"type": "array", "items": {"type": "string"}}
            }
          },
          "Region": {
            "type": "object", "required": ["code", "name", "level"],
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "level": {"enum": ["county", "town", "village"]}, "parent_code": {"type": ["string", "null"]}}
          },
          "Site": {
            "type": "object", "required": ["id", "name", "kind", "kind_name", "region_code", "address", "phone", "hours"],
            "properties": {
              "id": {"type": "string"}, "name": {"type": "string"},
              "kind": {"enum": ["service_center", "sub_center", "town_center", "village_station", "bank_point"]},
              "kind_name": {"type": "string"}, "region_code": {"type": "string"}, "address": {"type": "string"}, "phone": {"type": "string"},
              "hours": {"type": "object", "required": ["weekdays"], "properties": {"weekdays": {"type": "string"}, "extended": {"type": ["string", "null"]}, "saturday": {"type": ["string", "null"]}}}
            }
          }
        }
      }
    }
    """#
}
