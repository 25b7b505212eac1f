;; rule: deprecated-timeutils-utcnow
;; pack: mypack
;; goal: local-cleanup
;; kind: usage
;; severity: note
;; words: utcnow
;; message: {call}() is deprecated in oslo.utils.
;; replacement: Use datetime.datetime.now(datetime.timezone.utc) (and drop the tzinfo where naive datetimes are
;;   still needed).
;; references: https://docs.openstack.org/oslo.utils/latest/reference/timeutils.html
; `timeutils.utcnow()`, however oslo_utils.timeutils is reached (`timeutils.utcnow()`,
; `oslo_utils.timeutils.utcnow()`).

(call
  function: (attribute
    object: (_) @module
    attribute: (identifier) @name) @call
  (#eq? @name "utcnow")
  (#match? @module "(^|\\.)timeutils$")) @finding
