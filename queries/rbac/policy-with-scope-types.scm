;; rule: policy-with-scope-types
;; pack: rbac
;; goal: consistent-and-secure-rbac
;; kind: adoption
;; severity: note
;; words: RuleDefault DocumentedRuleDefault
;; message: {name} with scope_types.
;; replacement: Nothing to change: the policy says which token scope it is for.
;; references: https://governance.openstack.org/tc/goals/selected/consistent-and-secure-rbac.html https://docs.openstack.org/oslo.policy/latest/user/usage.html
; The counterpart of policy-without-scope-types: a policy default that declares its scope.

(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list
    (keyword_argument name: (identifier) @key))
  (#any-of? @name "RuleDefault" "DocumentedRuleDefault")
  (#eq? @key "scope_types")) @finding
