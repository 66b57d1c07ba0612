curl --location --globoff '{{authPath}}/{{envID}}/as/par' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'response_type=token' \
  --data-urlencode 'client_id={{appID}}' \
  --data-urlencode 'redirect_uri={{redirect_uri}}' \
  --data-urlencode 'scope=openid' \
  --data-urlencode 'client_secret={{appSecret}}'
