curl --location --globoff '{{authPath}}/{{envID}}/as/.well-known/openid-configuration' \
  --header 'Accept: application/json'
