package org.nrm.benchmark;

import java.util.Map;

/** What both nodes of the product get: production profile on PostgreSQL, with the demo users. */
final class ProductEnvironment {

  static final String[] PROFILES = {"postgres", "demo"};
  /** Benchmark data are generated, never real: a fixed key protects nothing and needs none. */
  private static final String IDENTITY_KEY = "YmVuY2htYXJrLWtleS1mb3ItZ2VuZXJhdGVkLWRhdGE=";

  private ProductEnvironment() {}

  static Map<String, String> variables(String jdbcUrl) {
    return Map.of(
        "NRM_DB_URL", jdbcUrl,
        "NRM_DB_USER", BenchmarkDatabase.USER,
        "NRM_DB_PASSWORD", BenchmarkDatabase.PASSWORD,
        "NRM_IDENTITY_KEY_ID", "benchmark",
        "NRM_IDENTITY_KEY", IDENTITY_KEY);
  }
}
