curl --location --globoff '{{authPath}}/{{envID}}/as/token' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=authorization_code' \
  --data-urlencode 'code={{authCode}}' \
  --data-urlencode 'redirect_uri={{redirect_uri}}' \
  --data-urlencode 'client_id={{appID}}' \
  --data-urlencode 'client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer' \
  --data-urlencode 'client_assertion={{clientSecretJWT}}'
