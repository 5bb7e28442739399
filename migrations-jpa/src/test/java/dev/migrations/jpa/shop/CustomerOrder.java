package dev.migrations.jpa.shop;

import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

/** Camel-case names and a join table: what Spring Boot's naming strategies decide. */
@Entity
public class CustomerOrder {

	enum Status {
		OPEN, SHIPPED
	}

	@Id
	private UUID id;

	@Column(nullable = false, length = 40)
	private String orderNumber;

	@Enumerated(EnumType.STRING)
	private Status status;

	@ManyToMany
	private Set<Tag> tags;

}
