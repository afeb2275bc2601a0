-- wrk script: each request goes to a path read from the file named by PATHS_FILE (one a line),
-- each thread starting at its own place, so a run measures many different requests rather than
-- one answer a cache remembers.
local paths = {}
local position = 1

function init(args)
    local name = os.getenv("PATHS_FILE")
    for line in io.lines(name) do
        if #line > 0 then paths[#paths + 1] = line end
    end
    if #paths == 0 then error("PATHS_FILE " .. tostring(name) .. " holds no paths") end
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
    position = math.random(#paths)
end

function request()
    local path = paths[position]
    position = position % #paths + 1
    return wrk.format("GET", path)
end
