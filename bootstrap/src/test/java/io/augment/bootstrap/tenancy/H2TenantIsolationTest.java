package io.augment.bootstrap.tenancy;

import io.quarkus.test.junit.QuarkusTest;

/** Tenant isolation on the embedded defaults: a schema per tenant in H2, a Lucene folder per tenant. */
@QuarkusTest
class H2TenantIsolationTest extends TenantIsolationContract {}
