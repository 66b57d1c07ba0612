curl --location --globoff '{{apiPath}}/environments/{{envID}}/images' \
  --header 'Authorization: Bearer {{accessToken}}' \
  --form-string 'description=Company logo (dark)' \
  --form 'file=@"images/logo.png";filename="logo.png";type=image/png'
