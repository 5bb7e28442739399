package dev.migrations.test.model.extra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The {@code model} set's entity with a column no revision adds. */
@Entity
public class Customer {

	@Id
	Long id;

	@Column(length = 100, nullable = false)
	String name;

	/** Not in any revision: the model check must find it. */
	@Column(length = 50)
	String nickname;

}
