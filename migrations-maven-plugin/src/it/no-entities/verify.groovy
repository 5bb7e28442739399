def written = new File(basedir, 'src/main/resources/db/migrations').listFiles().findAll { it.name.endsWith('.sql') }
assert written.isEmpty() : "nothing written: ${written*.name}"
def classes = new File(basedir, 'target/classes').canonicalPath
def log = new File(basedir, 'build.log').text
assert log.contains("No JPA entities found: no class annotated @jakarta.persistence.Entity in ${classes}")
return true
