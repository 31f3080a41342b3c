-- wrk script: the region summary of 2019 for the whole country, as a manager reads it.
local cookie = os.getenv("WEB_LOAD_MANAGER_COOKIE")
wrk.method = "GET"
wrk.path = "/summary?year=2019"
wrk.headers["Cookie"] = cookie
