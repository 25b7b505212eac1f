;; rule: deprecated-rule
;; pack: rbac
;; goal: consistent-and-secure-rbac
;; kind: usage
;; severity: note
;; words: deprecated_rule
;; message: Keeps the legacy default as a deprecated_rule ({value}).
;; replacement: Nothing now; once the deprecation period is over (enforce_new_defaults defaults to True), remove the
;;   deprecated_rule and its DeprecatedRule.
;; references: https://governance.openstack.org/tc/goals/selected/consistent-and-secure-rbac.html https://docs.openstack.org/oslo.policy/latest/user/usage.html
; `deprecated_rule=...`: the new default is in place, the legacy one is still honoured unless operators
; set enforce_new_defaults. Work is in progress: the last step is removing it.

(keyword_argument
  name: (identifier) @key
  value: (_) @value
  (#eq? @key "deprecated_rule")) @finding
