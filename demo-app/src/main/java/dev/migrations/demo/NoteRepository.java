package dev.migrations.demo;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** Notes and their tags, read with their tags in one query. */
public interface NoteRepository extends JpaRepository<NoteEntity, Long> {

	@EntityGraph(attributePaths = "tags")
	List<NoteEntity> findAllByOrderByIdAsc();

	@Override
	@EntityGraph(attributePaths = "tags")
	Optional<NoteEntity> findById(Long id);

}
