def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] .*20261201_1100_2b3c4d5e6f7a_index_titles\.sql:7: error require-concurrent-index-creation: /
assert !log.contains('20261201_1000_1a2b3c4d5e6f_create_notes.sql:') : 'a table created in its own revision is no hazard'
assert log.contains('Linted 2 revisions: 1 error')
assert log.contains("silence a reviewed one with '-- lint: ignore <rule-id> <reason>'")
return true
