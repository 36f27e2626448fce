"""Photo files: checking and re-encoding images (`images`), and where the files live
(`storage`: a local folder, or an S3-compatible bucket in `s3`)."""
