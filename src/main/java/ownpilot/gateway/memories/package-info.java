/**
 * Memories (spec §15): what the assistant remembers about a user, found by meaning (an in-process
 * sentence-embedding model and an HNSW vector index) and by words (PostgreSQL full-text search),
 * recalled into every chat turn and written by the model through its memory tools.
 */
package ownpilot.gateway.memories;
