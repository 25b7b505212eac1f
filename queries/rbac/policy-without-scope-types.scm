;; rule: policy-without-scope-types
;; pack: rbac
;; goal: consistent-and-secure-rbac
;; kind: usage
;; severity: warning
;; words: RuleDefault DocumentedRuleDefault
;; message: {name} without scope_types: the policy does not say which token scope it is for.
;; replacement: Add scope_types=['project'] (or ['system'] only for system-wide APIs) and a check_str built from
;;   the project-reader/member/manager personas.
;; references: https://governance.openstack.org/tc/goals/selected/consistent-and-secure-rbac.html https://docs.openstack.org/oslo.policy/latest/user/usage.html
; `policy.RuleDefault(...)` and `policy.DocumentedRuleDefault(...)` (or the names imported bare) whose
; arguments hold no `scope_types=` keyword.

(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list) @args
  (#any-of? @name "RuleDefault" "DocumentedRuleDefault")
  (#not-match? @args "scope_types[ \\t\\n]*=")) @finding
