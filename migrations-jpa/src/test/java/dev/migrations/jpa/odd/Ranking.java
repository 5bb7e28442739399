package dev.migrations.jpa.odd;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Names a database decides about: a table name long enough that PostgreSQL cuts its primary key's name short, an
 * index on a column whose name PostgreSQL quotes in an index's definition ({@code position}), a sequence-generated
 * key and a foreign key to itself, which MariaDB indexes by itself.
 */
@Entity
@Table(name = "a_ranking_table_whose_primary_key_name_postgresql_cuts_short",
		indexes = @Index(name = "ranking_position_idx", columnList = "position DESC"))
public class Ranking {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private int position;

	@ManyToOne
	private Ranking previous;

}
