curl --location --globoff '{{authPath}}/{{envID}}/as/token' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=authorization_code' \
  --data-urlencode 'code={{authCode}}' \
  --data-urlencode 'redirect_uri={{redirect_uri}}' \
  --data-urlencode 'client_id={{appID}}' \
  --data-urlencode 'client_secret={{appSecret}}'
