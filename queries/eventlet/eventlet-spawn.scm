;; rule: eventlet-spawn
;; pack: eventlet
;; goal: remove-eventlet
;; kind: usage
;; severity: warning
;; words: spawn spawn_n spawn_after spawn_after_local
;; message: {call} starts a green thread.
;; replacement: Start a native thread (threading.Thread, a concurrent.futures executor or futurist.ThreadPoolExecutor)
;;   or an asyncio task; waiting on it replaces GreenThread.wait().
;; references: https://governance.openstack.org/tc/goals/selected/remove-eventlet.html https://eventlet.readthedocs.io/en/latest/asyncio/migration.html
; `eventlet.spawn*(...)` and `greenthread.spawn*(...)` (`from eventlet import greenthread`), also
; `eventlet.greenthread.spawn(...)`, called or not (`eventlet.spawn.assert_called()` in a test). Other libraries' `spawn` (multiprocessing, pexpect) are not matched.

(attribute
  object: (_) @object
  attribute: (identifier) @name
  (#any-of? @name "spawn" "spawn_n" "spawn_after" "spawn_after_local")
  (#match? @object "^(eventlet|greenthread|eventlet\\.greenthread)$")) @call @finding
