def scripts = new File(basedir, 'src/main/resources/db/migrations')
        .listFiles().findAll { it.name.endsWith('.sql') }
assert scripts.size() == 1 : "one revision written, the second run had nothing to write: ${scripts*.name}"
def script = scripts[0]
assert script.name ==~ /\d{8}_\d{4}_[0-9a-f]{12}_create_users\.sql/ : script.name
def text = script.text
assert text.contains('-- Message: create-users')
def upgrade = text.substring(text.indexOf('-- migrate:upgrade'), text.indexOf('-- migrate:downgrade'))
def downgrade = text.substring(text.indexOf('-- migrate:downgrade'))
assert upgrade.contains('CREATE TABLE USERS (')
assert upgrade.contains('NAME character varying(100) NOT NULL')
assert upgrade.contains('BIO character varying(255),')
assert downgrade.contains('DROP TABLE USERS;')

def log = new File(basedir, 'build.log').text
assert log.contains("Detected added table 'USERS'")
assert log.contains("Generating ${script.canonicalPath} ...  done")
assert log.contains('Target database is not up to date.')
assert log.findAll('Running upgrade  -> [0-9a-f]{12}, create-users').size() == 1
assert log.contains('No new upgrade operations detected.')
assert log.contains('No changes in schema detected; no revision written.')
def id = (script.name =~ /_([0-9a-f]{12})_/)[0][1]
assert log.contains("[INFO] <base> -> ${id} (head), create-users")
assert log.contains("Running downgrade ${id} -> , create-users")
return true
