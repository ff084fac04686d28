-- Each file a finished part of a run read whole, with the size and modification time it had.
-- The next run skips a file whose path, size and time are the same without reading it, as make
-- and git do: reading and hashing every byte was most of re-running an unchanged folder (0.24 s
-- of 0.34 s for 475 pages, 60 MB) and all of re-running a large JSON Lines file.
-- A file whose time is within two seconds of the moment it was read is read again next time
-- (it may have changed again within the file system's time resolution: git's "racy" files),
-- as is every file after the extractor changes (failures are then retried, as 0002 says).
CREATE TABLE input_files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sources INTEGER NOT NULL,       -- articles and failures it gave: "unchanged" counts these
    read_at_ns INTEGER NOT NULL,    -- when its bytes were last read (the racy-file guard)
    last_run_id INTEGER NOT NULL REFERENCES ingest_runs(id),  -- last run that read or skipped it
    extractor TEXT NOT NULL
);
