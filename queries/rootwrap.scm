;; rule: rootwrap
;; pack: rootwrap-privsep
;; goal: migrate-to-privsep
;; kind: builtin
;; words: run_as_root root_helper
; Calls that ask for root through a root helper (oslo.rootwrap): the keyword
; `run_as_root` with any value but the constant False, anywhere in the argument
; list, or the keyword `root_helper`. `@call` starts where the finding's line is.
; Function definitions (`def execute(..., run_as_root=False)`) are parameters, not
; keyword arguments, so they never match.

(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @keyword
      value: (_) @value
      (#eq? @keyword "run_as_root")
      (#not-eq? @value "False")))) @call

(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @keyword
      value: (_) @value
      (#eq? @keyword "root_helper")))) @call
