;; rule: eventlet-import
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: eventlet greenlet
;; message: Imports {module}: this code depends on Eventlet, which the remove-eventlet goal takes out of OpenStack.
;; replacement: Use the standard library (threading, concurrent.futures, asyncio) or the Oslo libraries' threading
;;   backends, and drop the import once nothing here uses green threads.
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html
; Every import of eventlet or greenlet, in any form: `import eventlet`, `import eventlet.wsgi`,
; `import greenlet as g`, `from eventlet import tpool`, `from eventlet.green import socket`.

(import_statement
  name: (dotted_name . (identifier) @top) @module
  (#any-of? @top "eventlet" "greenlet")) @finding

(import_statement
  name: (aliased_import
    name: (dotted_name . (identifier) @top) @module)
  (#any-of? @top "eventlet" "greenlet")) @finding

(import_from_statement
  module_name: (dotted_name . (identifier) @top) @module
  (#any-of? @top "eventlet" "greenlet")) @finding
