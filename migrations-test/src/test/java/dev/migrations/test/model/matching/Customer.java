package dev.migrations.test.model.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity the {@code model} revision set creates the table of, column for column. */
@Entity
public class Customer {

	@Id
	Long id;

	@Column(length = 100, nullable = false)
	String name;

}
