;; rule: enforce-defaults-off
;; pack: rbac
;; goal: consistent-and-secure-rbac
;; kind: usage
;; severity: warning
;; words: enforce_scope enforce_new_defaults
;; message: Sets {key}={value}: the secure RBAC defaults are not enforced by default.
;; replacement: Default enforce_scope and enforce_new_defaults to True (oslo.policy's own defaults since 2023.2)
;;   once the new policies are in place.
;; references: https://governance.openstack.org/tc/goals/selected/consistent-and-secure-rbac.html https://docs.openstack.org/oslo.policy/latest/user/usage.html https://docs.openstack.org/oslo.policy/latest/configuration/index.html
; `enforce_scope=False` or `enforce_new_defaults=False` passed as a keyword (typically to
; `oslo_policy.opts.set_defaults(CONF, ...)`).

(keyword_argument
  name: (identifier) @key
  value: (false) @value
  (#any-of? @key "enforce_scope" "enforce_new_defaults")) @finding
