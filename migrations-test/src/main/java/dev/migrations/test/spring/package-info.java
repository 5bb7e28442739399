/** The Spring Boot test slice {@link dev.migrations.test.spring.MigrationsTest}. */
package dev.migrations.test.spring;
