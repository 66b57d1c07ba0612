curl --location --globoff '{{authPath}}/{{envID}}/as/device_authorization' \
  --header 'Content-Type: application/x-www-form-urlencoded' \
  --data-urlencode 'client_id={{appID}}' \
  --data-urlencode 'scope=openid offline_access'
