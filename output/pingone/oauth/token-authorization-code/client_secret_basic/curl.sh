curl --location --globoff '{{authPath}}/{{envID}}/as/token' \
  --user '%7B%7BappID%7D%7D:%7B%7BappSecret%7D%7D' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'grant_type=authorization_code' \
  --data-urlencode 'code={{authCode}}' \
  --data-urlencode 'redirect_uri={{redirect_uri}}'
