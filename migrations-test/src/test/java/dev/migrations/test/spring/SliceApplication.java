package dev.migrations.test.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application around {@link MigrationsTestSliceTests}; its component {@link StartsNoServer} must stay out. */
@SpringBootApplication
class SliceApplication {

}
