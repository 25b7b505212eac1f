;; rule: imports
;; pack: incubator namespace rootwrap-privsep
;; kind: builtin
;; words: import
;; prefilter: imports
; Every import statement, one match per imported module or name.
; The scanner resolves each against the knowledge base: copies of oslo-incubator
; (`<pkg>.openstack.common…`), the retired `oslo.` namespace packages, oslo.rootwrap,
; oslo.privsep, and current-form Oslo imports (`oslo_utils`) that show a library is adopted.
; Relative imports (`from . import log`) arrive as `relative_import` nodes.

; import a.b.c
(import_statement
  name: (dotted_name) @module) @statement

; import a.b.c as x
(import_statement
  name: (aliased_import
    name: (dotted_name) @module
    alias: (identifier) @alias)) @statement

; from m import a, (b, c)
(import_from_statement
  module_name: (_) @from
  name: (dotted_name) @name) @statement

; from m import a as b
(import_from_statement
  module_name: (_) @from
  name: (aliased_import
    name: (dotted_name) @name
    alias: (identifier) @alias)) @statement

; from m import *
(import_from_statement
  module_name: (_) @from
  (wildcard_import) @wildcard) @statement
