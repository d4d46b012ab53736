"""The Elasticsearch engine: index definition, documents, filters and the engine itself."""
