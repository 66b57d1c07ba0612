curl --location --globoff '{{authPath}}/{{envID}}/as/token' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=refresh_token' \
  --data-urlencode 'refresh_token={{refreshToken}}' \
  --data-urlencode 'client_id={{appID}}' \
  --data-urlencode 'client_secret={{appSecret}}'
