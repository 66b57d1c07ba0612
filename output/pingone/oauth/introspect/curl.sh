curl --location --globoff '{{authPath}}/{{envID}}/as/introspect' \
  --user '%7B%7BappID%7D%7D:%7B%7BappSecret%7D%7D' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'token={{accessToken}}' \
  --data-urlencode 'token_type_hint=access_token'
