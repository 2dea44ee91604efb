/**
 * Declarative record schemas: one list of {@link ownpilot.gateway.shared.records.FieldSpec} per
 * table drives body validation, SQL binding and JSON mapping for simple CRUD resources.
 */
package ownpilot.gateway.shared.records;
