;; rule: legacy-check-str
;; pack: rbac
;; goal: consistent-and-secure-rbac
;; kind: usage
;; severity: warning
;; words: check_str RuleDefault DocumentedRuleDefault
;; message: The check string {value} is a legacy default (admin or owner) that the secure RBAC personas replace.
;; replacement: Use the personas: a check_str such as 'role:reader and project_id:%(project_id)s' (project reader),
;;   'role:member and project_id:%(project_id)s' (project member) or 'role:admin' (admin), with scope_types=['project'],
;;   and keep the old string as a deprecated_rule for one SLURP cycle.
;; references: https://governance.openstack.org/tc/goals/selected/consistent-and-secure-rbac.html https://docs.openstack.org/oslo.policy/latest/user/usage.html
; A legacy check string given to a policy default: `check_str='rule:admin_or_owner'`, the legacy
; constants projects define for it (`check_str=base.RULE_ADMIN_OR_OWNER`), and the same as the second
; positional argument of RuleDefault (`RuleDefault('name', 'rule:admin_or_owner')`).

(keyword_argument
  name: (identifier) @key
  value: [(string) (identifier) (attribute)] @value
  (#eq? @key "check_str")
  (#match? @value "(rule:admin_or_owner|rule:owner|rule:admin_or_user|RULE_ADMIN_OR_OWNER|RULE_OWNER|RULE_ADMIN_OR_USER)")) @finding

(call
  function: [
    (identifier) @name
    (attribute attribute: (identifier) @name)
  ]
  arguments: (argument_list
    .
    (_)
    .
    [(string) (identifier) (attribute)] @value @finding)
  (#any-of? @name "RuleDefault" "DocumentedRuleDefault")
  (#match? @value "(rule:admin_or_owner|rule:owner|rule:admin_or_user|RULE_ADMIN_OR_OWNER|RULE_OWNER|RULE_ADMIN_OR_USER)"))
