# snipgen verify: runs a batch of Ruby samples in one interpreter, one after the other, each
# loaded under its own anonymous module (`load(file, true)`); `snipgen-batch-ok N` after
# sample N returned. A sample without that line is run again alone, so its failure is
# reported as it would be without batching.
[{each}].each do |n|
  begin
    load("s#{n}.rb", true)
    $stdout.flush
    puts "\nsnipgen-batch-ok #{n}"
  rescue Exception => e # SystemExit too: the next sample still runs
    puts "\nsnipgen-batch-failed #{n}: #{e.inspect}"
  end
  $stdout.flush
end
