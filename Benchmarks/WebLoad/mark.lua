-- wrk script: each request marks one enrolled person at one session of a Khorezm event "late", with the
-- trainer's session cookie and form token; each answer's JSON (session and participant) is appended to
-- this thread's log, for check.py to find in the database afterwards.
local marks = dofile(os.getenv("WEB_LOAD_DIR") .. "/marks.lua")
local cookie = os.getenv("WEB_LOAD_TRAINER_COOKIE")
local csrf = os.getenv("WEB_LOAD_TRAINER_CSRF")
local counter = 0
local log
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  log = io.open(os.getenv("WEB_LOAD_DIR") .. "/marked-" .. id .. ".log", "w")
  counter = id * 7919
end

function request()
  counter = counter + 1
  local mark = marks[(counter % #marks) + 1]
  local body = "csrf=" .. csrf .. "&session=" .. mark[2] .. "&participant=" .. mark[3] .. "&status=late"
  return wrk.format("POST", "/events/" .. mark[1] .. "/attendance", {
    ["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Accept"] = "application/json",
    ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
  if status == 200 then
    log:write(body, "\n")
  else
    log:write("FAILED ", status, "\n")
  end
  log:flush()
end
