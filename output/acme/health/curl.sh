curl --location --head 'https://api.acme.example/v2/health'
