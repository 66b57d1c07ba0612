curl --location --globoff '{{authPath}}/{{envID}}/as/revoke' \
  --user '%7B%7BappID%7D%7D:%7B%7BappSecret%7D%7D' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'token={{refreshToken}}' \
  --data-urlencode 'token_type_hint=refresh_token'
