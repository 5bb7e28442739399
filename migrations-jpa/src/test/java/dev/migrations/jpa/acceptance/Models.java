package dev.migrations.jpa.acceptance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * The entity models of the autogenerate acceptance test. Each variant of {@code Item} maps to the one table
 * {@code item} (the entity name is fixed), so a case's "before" and "after" models differ in exactly the change the
 * case names. Entities that do not change between the two are shared.
 */
public final class Models {

	private Models() {
	}

	/** An identity id and a name: what every variant of {@code item} starts from. */
	@MappedSuperclass
	public abstract static class Base {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		@Column(length = 100)
		String name;

	}

	@Entity(name = "Item")
	public static class Item extends Base {

	}

	@Entity(name = "Category")
	public static class Category extends Base {

	}

	@Entity(name = "Tag")
	public static class Tag extends Base {

	}

	@Entity(name = "Item")
	public static class ItemWithNote extends Base {

		String note;

	}

	@Entity(name = "Item")
	public static class ItemWithNoteRequired extends Base {

		@Column(nullable = false)
		String note;

	}

	@Entity(name = "Item")
	public static class ItemWithNoteOf200 extends Base {

		@Column(length = 200)
		String note;

	}

	@Entity(name = "Item")
	public static class ItemWithIntQuantity extends Base {

		int quantity;

	}

	@Entity(name = "Item")
	public static class ItemWithLongQuantity extends Base {

		long quantity;

	}

	@Entity(name = "Item")
	public static class ItemWithQuantityDefault extends Base {

		@ColumnDefault("0")
		int quantity;

	}

	@Entity(name = "Item")
	public static class ItemWithState extends Base {

		@Column(length = 20)
		String state;

	}

	@Entity(name = "Item")
	public static class ItemWithStateDefault extends Base {

		@Column(columnDefinition = "varchar(20) default 'new'")
		String state;

	}

	@Entity(name = "Item")
	public static class ItemWithPrice10x2 extends Base {

		@Column(precision = 10, scale = 2)
		BigDecimal price;

	}

	@Entity(name = "Item")
	public static class ItemWithPrice12x4 extends Base {

		@Column(precision = 12, scale = 4)
		BigDecimal price;

	}

	@Entity(name = "Item")
	public static class ItemWithUniqueNote extends Base {

		@Column(unique = true)
		String note;

	}

	@Entity(name = "Item")
	@Table(indexes = @Index(name = "item_name_idx", columnList = "name"))
	public static class ItemWithNameIndex extends Base {

		String note;

	}

	@Entity(name = "Item")
	@Table(indexes = @Index(name = "item_name_idx", columnList = "name", unique = true))
	public static class ItemWithUniqueNameIndex extends Base {

		String note;

	}

	@Entity(name = "Item")
	@Table(indexes = @Index(name = "item_name_note_idx", columnList = "name, note desc"))
	public static class ItemWithTwoColumnIndex extends Base {

		String note;

	}

	@Entity(name = "Item")
	@Table(uniqueConstraints = @UniqueConstraint(name = "item_name_note_key", columnNames = { "name", "note" }))
	public static class ItemWithTwoColumnUnique extends Base {

		String note;

	}

	@Entity(name = "Item")
	public static class ItemInCategory extends Base {

		@ManyToOne
		Category category;

	}

	@Entity(name = "Item")
	public static class ItemInCategoryOnDeleteCascade extends Base {

		@ManyToOne
		@OnDelete(action = OnDeleteAction.CASCADE)
		Category category;

	}

	@Entity(name = "Item")
	public static class ItemWithTags extends Base {

		@ManyToMany
		Set<Tag> tags;

	}

	@Entity(name = "Item")
	public static class ItemWithLabels extends Base {

		@ElementCollection
		Set<String> labels;

	}

	@Embeddable
	public static class Address {

		String street;

		@Column(length = 80)
		String city;

	}

	@Entity(name = "Item")
	public static class ItemWithAddress extends Base {

		@Embedded
		Address address;

	}

	public enum Status {

		NEW, DONE

	}

	public enum StatusWithCancelled {

		NEW, DONE, CANCELLED

	}

	@Entity(name = "Item")
	public static class ItemWithStatus extends Base {

		@Enumerated(EnumType.STRING)
		Status status;

	}

	@Entity(name = "Item")
	public static class ItemWithMoreStatuses extends Base {

		@Enumerated(EnumType.STRING)
		StatusWithCancelled status;

	}

	@Entity(name = "Item")
	public static class ItemWithLob extends Base {

		@Lob
		String body;

	}

	@Entity(name = "Item")
	public static class ItemWithText extends Base {

		@Column(columnDefinition = "text")
		String body;

	}

	@Entity(name = "Item")
	public static class ItemWithUuid extends Base {

		UUID reference;

	}

	@Entity(name = "Item")
	public static class ItemWithTimestamps extends Base {

		OffsetDateTime createdAt;

		Instant updatedAt;

	}

	@Entity(name = "Item")
	public static class ItemWithFlag extends Base {

		boolean active;

	}

	@Entity(name = "Invoice")
	public static class Invoice {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
		@SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 10)
		Long id;

		@Column(length = 40)
		String number;

	}

	@Entity(name = "Vehicle")
	@Inheritance(strategy = InheritanceType.JOINED)
	public static class Vehicle extends Base {

	}

	@Entity(name = "Car")
	public static class Car extends Vehicle {

		int doors;

	}

	@Entity(name = "Animal")
	@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
	public static class Animal extends Base {

	}

	@Entity(name = "Dog")
	public static class Dog extends Animal {

		@Column(length = 60)
		String breed;

	}

}
