package io.augment.adapter.out.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract on a real PostgreSQL; skipped when none is reachable. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@ExtendWith(PostgresReachable.class)
class PostgresTrainingFileRepositoryTest extends HibernateTrainingFileRepositoryTest {}
