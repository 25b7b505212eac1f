;; rule: privsep
;; pack: rootwrap-privsep
;; goal: migrate-to-privsep
;; kind: builtin
;; words: PrivContext entrypoint entrypoint_with_timeout
; Adoption of oslo.privsep beyond its imports (imports come from imports.scm):
; a privilege context, `PrivContext(...)` or `priv_context.PrivContext(...)`, and
; functions decorated to run in the privileged daemon, `@ctx.entrypoint` and
; `@ctx.entrypoint_with_timeout(seconds)`.

(call
  function: [
    (identifier) @constructor
    (attribute attribute: (identifier) @constructor)
  ]
  (#eq? @constructor "PrivContext")) @context

(decorator
  (attribute attribute: (identifier) @decorator)
  (#any-of? @decorator "entrypoint" "entrypoint_with_timeout")) @entrypoint

(decorator
  (call function: (attribute attribute: (identifier) @decorator))
  (#any-of? @decorator "entrypoint" "entrypoint_with_timeout")) @entrypoint
