curl --location --globoff '{{authPath}}/{{envID}}/as/userinfo' \
  --header 'Authorization: Bearer {{accessToken}}'
