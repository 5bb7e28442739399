import java.nio.file.Path

// The file holds the export alone, the log one line saying where it is, and Graphviz reads the file as it is.
Path graph = basedir.toPath().resolve('target/graphs/migrations.dot').toAbsolutePath().normalize()
def text = graph.toFile().text
assert text.startsWith('digraph migrations {\n')
assert text.endsWith('}\n')
assert text.contains('"cc33dd44ee55" -> "dd44ee55ff66";')
assert !text.contains('[INFO]')

def log = new File(basedir, 'build.log').text
assert log.contains("[INFO] Wrote the dot graph to ${graph}\n")
assert !log.contains('digraph')

def dot
try {
	dot = ['dot', '-Tsvg', graph.toString()].execute()
}
catch (IOException ex) {
	throw new AssertionError("Graphviz's dot is not installed (apt-get install graphviz): ${ex.message}")
}
def svg = dot.text
assert dot.waitFor() == 0
assert svg.contains('<svg')
assert svg.contains('dd44ee55ff66')
return true
