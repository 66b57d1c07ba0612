# snipgen verify: runs a batch of Ruby samples in one interpreter, one after the other, each
# loaded under its own anonymous module (`load(file, true)`); `snipgen-batch-ok N` after
# sample N returned. A sample without that line is run again alone, so its failure is
# reported as it would be without batching.
module SnipgenBatch
  # Faraday's net_http adapter builds a certificate store from the system's CA paths for every
  # connection (about 35 ms, most of a sample's time), though the samples reach the loopback
  # server over plain HTTP, where the store is never used. Once a sample has loaded Faraday,
  # one store built the same way serves the rest of the batch.
  SHARED_STORE = Module.new do
    def ssl_cert_store(ssl)
      return super if ssl[:cert_store]

      SnipgenBatch.store ||= super
    end
    private :ssl_cert_store
  end

  class << self
    attr_accessor :store
  end

  def self.share_faraday_cert_store
    return if @shared || !defined?(Faraday::Adapter::NetHttp)
    return unless Faraday::Adapter::NetHttp.private_method_defined?(:ssl_cert_store) ||
                  Faraday::Adapter::NetHttp.method_defined?(:ssl_cert_store)

    @shared = true
    Faraday::Adapter::NetHttp.prepend(SHARED_STORE)
  end
end

[{each}].each do |n|
  begin
    load("s#{n}.rb", true)
    $stdout.flush
    puts "\nsnipgen-batch-ok #{n}"
  rescue Exception => e # SystemExit too: the next sample still runs
    puts "\nsnipgen-batch-failed #{n}: #{e.inspect}"
  end
  $stdout.flush
  SnipgenBatch.share_faraday_cert_store
end
