curl --location --request PUT --globoff '{{apiPath}}/environments/{{envID}}/certificates/{{certID}}' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --header 'Content-Type: application/x-pem-file' \
  --data-binary '@certs/signing.pem'
